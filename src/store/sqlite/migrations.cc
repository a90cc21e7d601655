#include "store/sqlite/migrations.h"

namespace fw::store::sqlite {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "accounts, tokens and jobs", R"sql(
CREATE TABLE domains (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  enabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  domain_id TEXT NOT NULL REFERENCES domains(id),
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (domain_id, name)
);
CREATE TABLE credentials (
  access_key TEXT PRIMARY KEY,
  secret_key TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  domain_id TEXT NOT NULL REFERENCES domains(id),
  enabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  domain_id TEXT NOT NULL REFERENCES domains(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (domain_id, name)
);
CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  domain_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX tokens_by_expiry ON tokens(expires_at);
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  resource_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  owner TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  run_after INTEGER NOT NULL,
  lease_expires_at INTEGER NOT NULL,
  result TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX jobs_claimable ON jobs(state, run_after, seq);
CREATE INDEX jobs_by_resource ON jobs(resource_key, seq);
)sql"},
      {2, "simulated cloud resources", R"sql(
CREATE TABLE cloud_resources (
  id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  client_token TEXT NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (type, id)
);
CREATE INDEX cloud_resources_by_project ON cloud_resources(project_id, type, created_at);
CREATE UNIQUE INDEX cloud_resources_by_token ON cloud_resources(project_id, type, client_token)
  WHERE client_token <> '';
)sql"},
      {3, "rfs stacks", R"sql(
CREATE TABLE stacks (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  status_message TEXT NOT NULL,
  deletion_protection INTEGER NOT NULL,
  auto_rollback INTEGER NOT NULL,
  agencies TEXT NOT NULL,
  current_deployment_id TEXT NOT NULL,
  last_good_deployment_id TEXT NOT NULL,
  template_deployment_id TEXT NOT NULL,
  state_serial INTEGER NOT NULL,
  state_lineage TEXT NOT NULL,
  outputs TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  UNIQUE (project_id, name)
);
CREATE TABLE stack_deployments (
  id TEXT PRIMARY KEY,
  stack_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  status_message TEXT NOT NULL,
  template TEXT NOT NULL,
  vars TEXT NOT NULL,
  execution_plan_id TEXT NOT NULL,
  job_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX stack_deployments_by_stack ON stack_deployments(stack_id);
CREATE TABLE stack_resources (
  stack_id TEXT NOT NULL,
  address TEXT NOT NULL,
  module TEXT NOT NULL,
  mode TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  index_key TEXT NOT NULL,
  physical_id TEXT NOT NULL,
  physical_name TEXT NOT NULL,
  provider TEXT NOT NULL,
  region TEXT NOT NULL,
  attributes TEXT NOT NULL,
  sensitive_paths TEXT NOT NULL,
  dependencies TEXT NOT NULL,
  tainted INTEGER NOT NULL,
  in_state INTEGER NOT NULL,
  status TEXT NOT NULL,
  status_message TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (stack_id, address)
);
CREATE TABLE stack_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  stack_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  event_message TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  resource_key TEXT NOT NULL,
  resource_id_key TEXT NOT NULL,
  resource_id_value TEXT NOT NULL,
  elapsed_seconds INTEGER NOT NULL,
  time INTEGER NOT NULL
);
CREATE INDEX stack_events_by_stack ON stack_events(stack_id, deployment_id, seq);
CREATE TABLE execution_plans (
  id TEXT PRIMARY KEY,
  stack_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL,
  status_message TEXT NOT NULL,
  template TEXT NOT NULL,
  vars TEXT NOT NULL,
  plan TEXT NOT NULL,
  prior_serial INTEGER NOT NULL,
  based_on_deployment_id TEXT NOT NULL,
  deployment_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  applied_at INTEGER,
  seq INTEGER NOT NULL,
  UNIQUE (stack_id, name)
);
)sql"},
      {4, "cloud resource parents", R"sql(
ALTER TABLE cloud_resources ADD COLUMN parent_id TEXT NOT NULL DEFAULT '';
CREATE INDEX cloud_resources_by_parent ON cloud_resources(type, parent_id)
  WHERE parent_id <> '';
)sql"},
  };
  return kMigrations;
}

}  // namespace fw::store::sqlite
