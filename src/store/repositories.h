// Repository interfaces: what callers may ask of the store. Implementations live in the
// backend folders (sqlite/, later postgres/); callers never see SQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/records.h"
#include "store/stack_repository.h"

namespace fw::store {

struct ProjectFilter {
  std::optional<std::string> name;
  std::optional<std::string> domain_id;
  std::optional<bool> enabled;
};

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  virtual Status InsertDomain(const DomainRecord& d) = 0;
  virtual Status InsertUser(const UserRecord& u) = 0;
  virtual Status InsertCredential(const CredentialRecord& c) = 0;
  virtual Status InsertProject(const ProjectRecord& p) = 0;

  virtual Result<std::optional<DomainRecord>> FindDomainById(const std::string& id) = 0;
  virtual Result<std::optional<DomainRecord>> FindDomainByName(const std::string& name) = 0;
  virtual Result<std::vector<DomainRecord>> ListDomains() = 0;
  virtual Result<std::optional<UserRecord>> FindUserById(const std::string& id) = 0;
  virtual Result<std::optional<UserRecord>> FindUserByName(const std::string& domain_id,
                                                           const std::string& name) = 0;
  virtual Result<std::vector<UserRecord>> ListUsers(const std::string& domain_id) = 0;
  virtual Result<std::optional<CredentialRecord>> FindCredential(const std::string& ak) = 0;
  virtual Result<std::vector<CredentialRecord>> ListCredentials() = 0;
  virtual Result<std::optional<ProjectRecord>> FindProjectById(const std::string& id) = 0;
  // Projects ordered by name, then id.
  virtual Result<std::vector<ProjectRecord>> ListProjects(const ProjectFilter& filter) = 0;
};

class TokenRepository {
 public:
  virtual ~TokenRepository() = default;
  virtual Status Insert(const TokenRecord& t) = 0;
  virtual Result<std::optional<TokenRecord>> Find(const std::string& token_hash) = 0;
  virtual Status Delete(const std::string& token_hash) = 0;
  // Removes tokens that expired before `now`; returns how many.
  virtual Result<int64_t> DeleteExpired(TimePoint now) = 0;
};

struct NewJob {
  std::string kind;
  std::string resource_key;
  std::string payload;
  TimePoint run_after;
};

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  // Returns the new job's id.
  virtual Result<std::string> Enqueue(const NewJob& job, TimePoint now) = 0;
  // Claims the oldest claimable job of one of `kinds` (all kinds when empty): a pending job
  // whose run_after has come, or a running job whose lease expired. Sets owner, lease and
  // attempts+1. Returns nullopt when there is nothing to do.
  virtual Result<std::optional<JobRecord>> ClaimNext(const std::string& owner, TimePoint now,
                                                     std::chrono::milliseconds lease,
                                                     const std::vector<std::string>& kinds) = 0;
  // Extends the lease; kConflict when `owner` no longer holds it.
  virtual Status Heartbeat(const std::string& id, const std::string& owner, TimePoint now,
                           std::chrono::milliseconds lease) = 0;
  // Ends the job (kSucceeded or kFailed); kConflict when `owner` no longer holds the lease.
  virtual Status Finish(const std::string& id, const std::string& owner, JobState state,
                        const std::string& result, TimePoint now) = 0;
  // Ends the leases of running jobs held by any owner but `owner` (their lease expires now),
  // so they can be claimed at once. For a process starting on the embedded store, where every
  // other owner is a dead earlier process; a store shared by live replicas must not call it.
  // Returns how many leases were ended.
  virtual Result<int64_t> ExpireLeasesNotOwnedBy(const std::string& owner, TimePoint now) = 0;
  virtual Result<std::optional<JobRecord>> Get(const std::string& id) = 0;
  virtual Result<std::vector<JobRecord>> ListByResource(const std::string& resource_key) = 0;
};

class CloudResourceRepository {
 public:
  virtual ~CloudResourceRepository() = default;
  // kAlreadyExists when the id, or the (project, type, client_token) when a token is given,
  // is taken.
  virtual Status Insert(const CloudResourceRecord& r) = 0;
  virtual Result<std::optional<CloudResourceRecord>> Get(const std::string& type,
                                                         const std::string& id) = 0;
  virtual Result<std::optional<CloudResourceRecord>> FindByClientToken(
      const std::string& project_id, const std::string& type, const std::string& token) = 0;
  // Resources of one type in a project (all projects when project_id is empty), oldest first.
  virtual Result<std::vector<CloudResourceRecord>> List(const std::string& project_id,
                                                        const std::string& type) = 0;
  // Resources of one type whose parent_id is `parent_id`, oldest first.
  virtual Result<std::vector<CloudResourceRecord>> ListChildren(const std::string& type,
                                                                const std::string& parent_id) = 0;
  // Writes name, body and updated_at when the stored version is `r.version - 1`; kConflict
  // otherwise (someone else updated it first).
  virtual Status Update(const CloudResourceRecord& r) = 0;
  virtual Status Delete(const std::string& type, const std::string& id) = 0;
};

// The repositories bound to one transaction.
class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual AccountRepository& accounts() = 0;
  virtual TokenRepository& tokens() = 0;
  virtual JobRepository& jobs() = 0;
  virtual CloudResourceRepository& cloud() = 0;
  virtual StackRepository& stacks() = 0;
};

}  // namespace fw::store
