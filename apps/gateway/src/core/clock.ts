/** The time source (a class, so Nest can inject it by type; tests pass a fixed one). */
export class Clock {
  constructor(private readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return this.source();
  }
}
