import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { GithubMappingsResolver } from '../github/mappings/github-mappings.resolver';
import { RESOLVERS } from '../graphql/resolvers';
import { IncidentSourcesResolver } from '../incident-ingest/mappings/incident-sources.resolver';

/**
 * Every resolver the running gateway serves: GraphQL's own, the GitHub rule's and the incident
 * sources' mapping operations.
 */
export const SERVED_RESOLVERS = [...RESOLVERS, GithubMappingsResolver, IncidentSourcesResolver];

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
