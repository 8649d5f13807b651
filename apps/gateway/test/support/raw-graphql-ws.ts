import WebSocket from 'ws';

interface Message {
  readonly type: string;
  readonly id?: string;
  readonly payload?: unknown;
}

/** What an operation got first: a result (`next`), an error, or the socket closing under it. */
export type FirstAnswer =
  | { readonly kind: 'next'; readonly payload: unknown }
  | { readonly kind: 'error'; readonly payload: unknown }
  | { readonly kind: 'closed'; readonly code: number };

/**
 * A bare graphql-transport-ws connection, one socket for its whole life (the graphql-ws client
 * reconnects and closes lazily, which would hide what the server does to an open socket).
 */
export class RawGraphqlWs {
  private readonly messages: Message[] = [];
  private readonly waiters = new Set<() => void>();
  private closeCode: number | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      this.wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  /** Opens a socket to `url` (http://…) and sends `payload` as connection_init (default: the token). */
  static async connect(url: string, token: string | null, payload?: unknown): Promise<RawGraphqlWs> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const connection = new RawGraphqlWs(socket);
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: payload ?? (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    );
    return connection;
  }

  /** Resolves once the server acknowledged the connection, or with the close code if it closed it. */
  async acknowledged(): Promise<true | { closed: number }> {
    return this.until(() => {
      if (this.messages.some((message) => message.type === 'connection_ack')) return true;
      return this.closeCode === null ? undefined : { closed: this.closeCode };
    });
  }

  /** The close code once the socket is closed. */
  closed(): Promise<number> {
    return this.until(() => this.closeCode ?? undefined);
  }

  /** Starts operation `id` and resolves with its first answer. */
  run(id: string, query: string, variables: Record<string, unknown> = {}): Promise<FirstAnswer> {
    if (this.socket.readyState === WebSocket.OPEN)
      this.socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query, variables } }));
    return this.next(id);
  }

  /** The next answer of operation `id` not seen before. */
  next(id: string): Promise<FirstAnswer> {
    return this.until(() => {
      const index = this.messages.findIndex(
        (message) => message.id === id && (message.type === 'next' || message.type === 'error'),
      );
      if (index >= 0) {
        const [message] = this.messages.splice(index, 1);
        return { kind: message.type as 'next' | 'error', payload: message.payload };
      }
      return this.closeCode === null ? undefined : { kind: 'closed', code: this.closeCode };
    });
  }

  close(): void {
    this.socket.close();
  }

  private until<Value>(check: () => Value | undefined): Promise<Value> {
    return new Promise((resolve) => {
      const attempt = (): boolean => {
        const value = check();
        if (value === undefined) return false;
        this.waiters.delete(waiter);
        resolve(value);
        return true;
      };
      const waiter = () => void attempt();
      if (!attempt()) this.waiters.add(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
