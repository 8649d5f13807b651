-- Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d).
-- One database per app: a service never reads another's tables (docs/adr/0001-shape-of-the-system.md).
-- Each app creates its own tables on start; only the databases have to exist.
CREATE DATABASE tminus_launches;
CREATE DATABASE tminus_teams;
CREATE DATABASE tminus_checklists;
CREATE DATABASE tminus_gateway;
