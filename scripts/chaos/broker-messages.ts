import { randomUUID } from 'node:crypto';
import { commandTopicOf, dlqTopicOf, type CommandEnvelope, type ServiceName } from '@tminus/contracts';
import { encodeCommandEnvelope, KafkaBus, NamespacedBus, type MessageBus } from '@tminus/messaging';

/** Messages the faults put on the stack's topics directly, past the gateways. */
export class BrokerMessages {
  private readonly kafka: KafkaBus;
  private readonly bus: MessageBus;

  constructor(brokers: readonly string[], namespace: string) {
    this.kafka = new KafkaBus({ brokers, clientId: `${namespace}-chaos-faults` });
    this.bus = NamespacedBus.wrap(this.kafka, namespace);
  }

  /** A record no service can read (no CloudEvents headers, a value that is not JSON), keyed like real traffic. */
  async poison(service: ServiceName, key: string): Promise<void> {
    await this.bus.publish(commandTopicOf(service), [
      { key, value: Buffer.from('{"this is": not json'), headers: { 'x-chaos': 'poison' } },
    ]);
  }

  /** The same command envelope (same command id) delivered `copies` times in one batch. */
  async deliver(service: ServiceName, command: CommandEnvelope, copies: number): Promise<void> {
    const record = encodeCommandEnvelope(command, { source: 'tminus.chaos' });
    await this.bus.publish(
      commandTopicOf(service),
      Array.from({ length: copies }, () => record),
    );
  }

  /** How many records the service's command dead-letter topic holds (its end offset: one partition). */
  async deadLetterCount(service: ServiceName): Promise<number> {
    const positions = await this.bus.positions!(
      `chaos-probe-${randomUUID()}`,
      dlqTopicOf(commandTopicOf(service)),
    );
    return positions.reduce((sum, p) => sum + Number(p.end), 0);
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}

/** A TickItem as the gateway would send it (ADMIN actor), with the evidence URL naming the operation. */
export const tickCommand = (checklistId: string, itemId: string, evidenceUrl: string): CommandEnvelope => {
  const commandId = randomUUID();
  return {
    commandId,
    type: 'TickItem',
    aggregateId: checklistId,
    actor: { userId: 'chaos', role: 'ADMIN' },
    correlationId: commandId,
    issuedAt: new Date().toISOString(),
    payload: { checklistId, itemId, evidenceUrl },
  };
};
