// Plain records the store reads and writes. No behaviour; the domain services own the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/clock.h"

namespace fw::store {

struct DomainRecord {
  std::string id;    // 32 hex
  std::string name;  // account name, unique
  bool enabled = true;
  TimePoint created_at;
};

struct UserRecord {
  std::string id;  // 32 hex
  std::string domain_id;
  std::string name;  // unique within the domain
  std::string password_hash;  // crypto::HashPassword format; never the password
  bool enabled = true;
  TimePoint created_at;
};

struct CredentialRecord {
  std::string access_key;  // unique
  std::string secret_key;  // needed in clear to verify HMAC signatures; never logged
  std::string user_id;
  std::string domain_id;
  bool enabled = true;
  TimePoint created_at;
};

struct ProjectRecord {
  std::string id;  // 32 hex
  std::string domain_id;
  std::string name;  // region id for regional projects ("cn-north-4"); unique in the domain
  std::string description;
  bool enabled = true;
  TimePoint created_at;
};

struct TokenRecord {
  std::string token_hash;  // sha256 hex of the token; the token itself is never stored
  std::string user_id;
  std::string domain_id;
  std::string project_id;  // empty for a domain-scoped token
  TimePoint issued_at;
  TimePoint expires_at;
};

enum class JobState { kPending, kRunning, kSucceeded, kFailed };
std::string_view JobStateName(JobState s);
std::optional<JobState> ParseJobState(std::string_view s);

// A unit of background work (a deployment, a plan, a provisioning step). Jobs are rows, not
// memory: a worker claims one under a lease and renews it with heartbeats; a job whose lease
// ran out (its worker died) can be claimed again, and `attempts` counts the claims.
struct JobRecord {
  std::string id;  // uuid
  std::string kind;          // "rfs.deploy", "cdm.provision", ...
  std::string resource_key;  // what the job works on ("stack:<id>"), for listing and ordering
  std::string payload;       // JSON, owned by the job's kind
  JobState state = JobState::kPending;
  std::string owner;         // worker id holding the lease, empty when none
  int attempts = 0;
  TimePoint run_after;       // not claimable before this time
  TimePoint lease_expires_at;
  std::string result;        // JSON or message written at the end
  TimePoint created_at;
  TimePoint updated_at;
};

// One resource of the simulated cloud (a CDM cluster, a VPC, ...). The owning service keeps the
// resource's fields as JSON in `body`; `version` increases with every update (optimistic
// concurrency); `client_token` makes creation idempotent per (project, type).
struct CloudResourceRecord {
  std::string id;
  std::string project_id;
  std::string type;  // "cdm.cluster", "vpc.vpc", ...
  std::string name;
  std::string client_token;  // empty when the caller gave none
  std::string body;          // JSON
  int64_t version = 0;
  TimePoint created_at;
  TimePoint updated_at;
  // The resource this one belongs to (a subnet's VPC), so children can be listed without
  // reading every resource of the type; "" when none. Fixed at creation.
  std::string parent_id;
};

}  // namespace fw::store
