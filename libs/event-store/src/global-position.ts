/**
 * Global positions are opaque strings of fixed width, so that positions of one store order correctly
 * as plain strings. 20 digits hold any unsigned 64-bit number (bigserial, xid8, SQLite rowid).
 */
const WIDTH = 20;
const PART = `\\d{${WIDTH}}`;
const SQLITE_POSITION = new RegExp(`^${PART}$`);
const POSTGRES_POSITION = new RegExp(`^(${PART})-(${PART})$`);

const pad = (digits: string): string => digits.padStart(WIDTH, '0');
const unpad = (digits: string): string => digits.replace(/^0+(?=\d)/, '');

/** Orders two positions of the same store: negative when `a` comes first. */
export const compareGlobalPositions = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** SQLite: one writer, so insertion (rowid) order is commit order. */
export const sqlitePosition = {
  encode: (rowid: number | bigint | string): string => pad(String(rowid)),
  decode(position: string): string {
    if (!SQLITE_POSITION.test(position)) throw new InvalidGlobalPositionError(position);
    return unpad(position);
  },
};

/**
 * PostgreSQL: commit order is approximated by (transaction id, sequence); readers only see
 * transactions older than every running one, so a late commit can never be overtaken.
 */
export const postgresPosition = {
  encode: (transactionId: string, sequence: string): string => `${pad(transactionId)}-${pad(sequence)}`,
  decode(position: string): { transactionId: string; sequence: string } {
    const match = POSTGRES_POSITION.exec(position);
    if (!match) throw new InvalidGlobalPositionError(position);
    return { transactionId: unpad(match[1]), sequence: unpad(match[2]) };
  },
};

export class InvalidGlobalPositionError extends Error {
  constructor(readonly position: string) {
    super(`"${position}" is not a global position of this event store`);
    this.name = 'InvalidGlobalPositionError';
  }
}
