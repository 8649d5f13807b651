import { ErrorCodes, type CommandEnvelope } from '@tminus/contracts';
import type { CommandResult } from './command-processor';

/** What the router needs of a processor (any CommandProcessor fits, whatever its aggregate types). */
export interface CommandHandler {
  readonly service: string;
  handles(type: string): boolean;
  handle(envelope: CommandEnvelope): Promise<CommandResult>;
  /** Several commands in order, as one unit of work where the handler can (see CommandProcessor). */
  handleBatch?(envelopes: readonly CommandEnvelope[]): Promise<CommandResult[]>;
  reject(envelope: CommandEnvelope, code: string, message: string): Promise<CommandResult>;
}

/** One command topic, several aggregate types (checklists and templates): picks the processor by type. */
export class CommandRouter {
  private readonly processors: readonly CommandHandler[];

  constructor(processors: readonly CommandHandler[]) {
    if (processors.length === 0) throw new Error('A command router needs at least one processor');
    this.processors = processors;
  }

  /** One processor's batch when all commands are its own; otherwise one by one, in order. */
  async handleBatch(envelopes: readonly CommandEnvelope[]): Promise<CommandResult[]> {
    const processor = this.processors.find((p) => envelopes.every((e) => p.handles(e.type)));
    if (processor?.handleBatch) return processor.handleBatch(envelopes);
    const results: CommandResult[] = [];
    for (const envelope of envelopes) results.push(await this.handle(envelope));
    return results;
  }

  handle(envelope: CommandEnvelope): Promise<CommandResult> {
    const processor = this.processors.find((p) => p.handles(envelope.type));
    if (processor) return processor.handle(envelope);
    // Answered, so a caller waiting on it is not left to time out.
    return this.processors[0].reject(
      envelope,
      ErrorCodes.BAD_USER_INPUT,
      `Unknown command type "${envelope.type}" for ${this.processors[0].service}`,
    );
  }
}
