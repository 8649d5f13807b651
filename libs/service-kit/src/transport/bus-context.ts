import { BaseRpcContext } from '@nestjs/microservices';
import type { IncomingMessage } from '@tminus/messaging';

/** What a `@Ctx()` parameter receives: the raw message (topic, partition, offset, headers). */
export class BusContext extends BaseRpcContext<[IncomingMessage]> {
  getMessage(): IncomingMessage {
    return this.args[0];
  }
}
