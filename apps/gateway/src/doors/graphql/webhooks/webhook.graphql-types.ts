import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/common/date-time.scalar';
import {
  NOTIFICATION_EVENTS,
  WEBHOOK_FORMATS,
  type NotificationEvent,
  type WebhookFormat,
} from '../../../core/notifications/domain/notification';

const enumOf = <Value extends string>(values: readonly Value[]): { [Key in Value]: Key } =>
  Object.fromEntries(values.map((value) => [value, value])) as { [Key in Value]: Key };

export const NotificationEventEnum = enumOf(NOTIFICATION_EVENTS);
export const WebhookFormatEnum = enumOf(WEBHOOK_FORMATS);
export const DeliveryStatusEnum = enumOf(['PENDING', 'DELIVERED', 'FAILED'] as const);

registerEnumType(NotificationEventEnum, {
  name: 'NotificationEvent',
  description: 'What a webhook is told about.',
});
registerEnumType(WebhookFormatEnum, {
  name: 'WebhookFormat',
  description: 'CLOUDEVENTS: a CloudEvent in structured JSON; SLACK: a Slack incoming-webhook message.',
});
registerEnumType(DeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: not accepted yet (retried with backoff); DELIVERED: a 2xx answer; FAILED: given up.',
});

@InputType()
export class CreateWebhookInput {
  @Field({ description: 'Where deliveries are POSTed (http or https).' })
  url!: string;

  @Field(() => [NotificationEventEnum])
  events!: NotificationEvent[];

  @Field(() => ID, {
    nullable: true,
    description: "Only this launch's notifications (id or key); default: every launch.",
  })
  launchId?: string | null;

  @Field(() => WebhookFormatEnum, { nullable: true, defaultValue: 'CLOUDEVENTS' })
  format?: WebhookFormat;

  @Field(() => String, {
    nullable: true,
    description: 'The HMAC secret (16–256 characters); generated when not given.',
  })
  secret?: string | null;
}

@InputType()
export class DeleteWebhookInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A new webhook: its secret is shown here once and never again.' })
export class CreatedWebhook {
  @Field(() => ID)
  id!: string;

  @Field({
    description: 'Signs every delivery: X-Tminus-Signature-256 = sha256=<hex HMAC-SHA256 of the body>.',
  })
  secret!: string;
}

@ObjectType({ description: 'Where notifications are POSTed (the secret is never shown again).' })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [NotificationEventEnum])
  events!: NotificationEvent[];

  @Field(() => ID, { nullable: true })
  launchId!: string | null;

  @Field(() => WebhookFormatEnum)
  format!: WebhookFormat;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;
}

@ObjectType({ description: 'One notification sent (or being sent) to one webhook.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Sent as X-Tminus-Delivery, the same on every retry.' })
  id!: string;

  @Field(() => NotificationEventEnum)
  event!: NotificationEvent;

  @Field(() => ID, { nullable: true })
  launchId!: string | null;

  @Field(() => DeliveryStatusEnum)
  status!: 'PENDING' | 'DELIVERED' | 'FAILED';

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true, description: "The last answer's HTTP status (null: none came)." })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'While PENDING: when it is tried next.' })
  nextAttemptAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: string | null;
}
