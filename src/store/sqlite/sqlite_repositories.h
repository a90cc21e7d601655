// The SQLite implementations of the repository interfaces, bound to one connection for the
// length of one transaction.
#pragma once

#include "store/repositories.h"
#include "store/sqlite/database.h"
#include "store/sqlite/sqlite_stacks.h"

namespace fw::store::sqlite {

class SqliteAccounts final : public AccountRepository {
 public:
  explicit SqliteAccounts(Database* db) : db_(db) {}
  Status InsertDomain(const DomainRecord& d) override;
  Status InsertUser(const UserRecord& u) override;
  Status InsertCredential(const CredentialRecord& c) override;
  Status InsertProject(const ProjectRecord& p) override;
  Result<std::optional<DomainRecord>> FindDomainById(const std::string& id) override;
  Result<std::optional<DomainRecord>> FindDomainByName(const std::string& name) override;
  Result<std::vector<DomainRecord>> ListDomains() override;
  Result<std::optional<UserRecord>> FindUserById(const std::string& id) override;
  Result<std::optional<UserRecord>> FindUserByName(const std::string& domain_id,
                                                   const std::string& name) override;
  Result<std::vector<UserRecord>> ListUsers(const std::string& domain_id) override;
  Result<std::optional<CredentialRecord>> FindCredential(const std::string& ak) override;
  Result<std::vector<CredentialRecord>> ListCredentials() override;
  Result<std::optional<ProjectRecord>> FindProjectById(const std::string& id) override;
  Result<std::vector<ProjectRecord>> ListProjects(const ProjectFilter& filter) override;

 private:
  Database* db_;
};

class SqliteTokens final : public TokenRepository {
 public:
  explicit SqliteTokens(Database* db) : db_(db) {}
  Status Insert(const TokenRecord& t) override;
  Result<std::optional<TokenRecord>> Find(const std::string& token_hash) override;
  Status Delete(const std::string& token_hash) override;
  Result<int64_t> DeleteExpired(TimePoint now) override;

 private:
  Database* db_;
};

class SqliteJobs final : public JobRepository {
 public:
  explicit SqliteJobs(Database* db) : db_(db) {}
  Result<std::string> Enqueue(const NewJob& job, TimePoint now) override;
  Result<std::optional<JobRecord>> ClaimNext(const std::string& owner, TimePoint now,
                                             std::chrono::milliseconds lease,
                                             const std::vector<std::string>& kinds) override;
  Status Heartbeat(const std::string& id, const std::string& owner, TimePoint now,
                   std::chrono::milliseconds lease) override;
  Status Finish(const std::string& id, const std::string& owner, JobState state,
                const std::string& result, TimePoint now) override;
  Result<int64_t> ExpireLeasesNotOwnedBy(const std::string& owner, TimePoint now) override;
  Result<std::optional<JobRecord>> Get(const std::string& id) override;
  Result<std::vector<JobRecord>> ListByResource(const std::string& resource_key) override;

 private:
  Database* db_;
};

class SqliteCloudResources final : public CloudResourceRepository {
 public:
  explicit SqliteCloudResources(Database* db) : db_(db) {}
  Status Insert(const CloudResourceRecord& r) override;
  Result<std::optional<CloudResourceRecord>> Get(const std::string& type,
                                                 const std::string& id) override;
  Result<std::optional<CloudResourceRecord>> FindByClientToken(const std::string& project_id,
                                                               const std::string& type,
                                                               const std::string& token) override;
  Result<std::vector<CloudResourceRecord>> List(const std::string& project_id,
                                                const std::string& type) override;
  Result<std::vector<CloudResourceRecord>> ListChildren(const std::string& type,
                                                        const std::string& parent_id) override;
  Status Update(const CloudResourceRecord& r) override;
  Status Delete(const std::string& type, const std::string& id) override;

 private:
  Database* db_;
};

class SqliteRepositories final : public Repositories {
 public:
  explicit SqliteRepositories(Database* db)
      : accounts_(db), tokens_(db), jobs_(db), cloud_(db), stacks_(db) {}
  AccountRepository& accounts() override { return accounts_; }
  TokenRepository& tokens() override { return tokens_; }
  JobRepository& jobs() override { return jobs_; }
  CloudResourceRepository& cloud() override { return cloud_; }
  StackRepository& stacks() override { return stacks_; }

 private:
  SqliteAccounts accounts_;
  SqliteTokens tokens_;
  SqliteJobs jobs_;
  SqliteCloudResources cloud_;
  SqliteStacks stacks_;
};

}  // namespace fw::store::sqlite
