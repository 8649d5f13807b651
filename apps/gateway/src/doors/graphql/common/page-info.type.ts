import { Field, ObjectType } from '@nestjs/graphql';

/** Relay's PageInfo: pages go forward with `first`/`after`. */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field({ description: 'Always false: pages only go forward.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
