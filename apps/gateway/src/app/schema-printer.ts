import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { RESOLVERS } from '../doors/graphql/resolvers';
import { WebhooksResolver } from '../doors/graphql/webhooks/webhooks.resolver';
import { IncidentSourcesResolver } from '../doors/graphql/incident-sources/incident-sources.resolver';

/**
 * Every resolver the running gateway serves: the API's own, the webhooks' (mounted with the notifications) and
 * the incident sources' (mounted with the incident webhooks).
 */
export const SERVED_RESOLVERS = [...RESOLVERS, WebhooksResolver, IncidentSourcesResolver];

/** The header Nest writes on top of an `autoSchemaFile`. */
export const SCHEMA_FILE_HEADER =
  '# ------------------------------------------------------\n' +
  '# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n' +
  '# ------------------------------------------------------\n\n';

/** The gateway's SDL, sorted, exactly as `autoSchemaFile` writes it (header included). */
export async function printGatewaySchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(SERVED_RESOLVERS);
    return `${SCHEMA_FILE_HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}
