import type { Sql } from '../store/database';
import { placeholders } from '../store/documents';
import { tableNamesOf, type ProjectionTables } from '../store/tables';

/** A secondary index taken off a table for a bulk load, with the statement that makes it again. */
export interface DeferredIndex {
  readonly name: string;
  readonly definition: string;
}

/**
 * Drops the non-unique indexes of the given (fresh, unread) tables and returns how to create them
 * again: an index built once over the loaded rows costs far less than one kept up to date row by
 * row. Primary keys and unique indexes stay (the bulk upserts need them for ON CONFLICT).
 */
export async function dropSecondaryIndexes(sql: Sql, tables: ProjectionTables): Promise<DeferredIndex[]> {
  const names = tableNamesOf(tables);
  const indexes =
    sql.dialect === 'postgres'
      ? await sql.query<DeferredIndex>(
          'SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() ' +
            `AND tablename IN (${placeholders(names.length)}) AND indexdef NOT LIKE 'CREATE UNIQUE INDEX %'`,
          names,
        )
      : await sql.query<DeferredIndex>(
          "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL " +
            `AND tbl_name IN (${placeholders(names.length)}) AND sql NOT LIKE 'CREATE UNIQUE INDEX %'`,
          names,
        );
  for (const { name } of indexes) await sql.execute(`DROP INDEX ${name}`);
  return indexes;
}

export async function recreateIndexes(sql: Sql, indexes: readonly DeferredIndex[]): Promise<void> {
  for (const { definition } of indexes) await sql.execute(definition);
}
