#include <algorithm>

#include "base/ids.h"
#include "store/sqlite/sqlite_repositories.h"

namespace fw::store::sqlite {
namespace {

constexpr std::string_view kJobCols =
    "SELECT id, kind, resource_key, payload, state, owner, attempts, run_after, "
    "lease_expires_at, result, created_at, updated_at FROM jobs ";

JobRecord ReadJob(const Statement& s) {
  JobRecord j;
  j.id = s.Text(0);
  j.kind = s.Text(1);
  j.resource_key = s.Text(2);
  j.payload = s.Text(3);
  j.state = ParseJobState(s.Text(4)).value_or(JobState::kFailed);
  j.owner = s.Text(5);
  j.attempts = static_cast<int>(s.Int(6));
  j.run_after = s.Time(7);
  j.lease_expires_at = s.Time(8);
  j.result = s.Text(9);
  j.created_at = s.Time(10);
  j.updated_at = s.Time(11);
  return j;
}

}  // namespace

Result<std::string> SqliteJobs::Enqueue(const NewJob& job, TimePoint now) {
  std::string id = NewUuid();
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "INSERT INTO jobs (id, kind, resource_key, payload, state, owner, attempts, run_after, "
      "lease_expires_at, result, created_at, updated_at, seq) "
      "VALUES (?, ?, ?, ?, 'pending', '', 0, ?, 0, '', ?, ?, "
      "(SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs))"));
  FW_RETURN_IF_ERROR(s.Bind(1, id).Bind(2, job.kind).Bind(3, job.resource_key)
                         .Bind(4, job.payload).Bind(5, job.run_after).Bind(6, now).Bind(7, now)
                         .Run());
  return id;
}

Result<std::optional<JobRecord>> SqliteJobs::ClaimNext(const std::string& owner, TimePoint now,
                                                       std::chrono::milliseconds lease,
                                                       const std::vector<std::string>& kinds) {
  FW_ASSIGN_OR_RETURN(std::vector<JobRecord> candidates,
                      QueryAll<JobRecord>(
                          db_,
                          std::string(kJobCols) +
                              "WHERE (state = 'pending' AND run_after <= ?1) "
                              "OR (state = 'running' AND lease_expires_at < ?1) "
                              "ORDER BY seq LIMIT 64",
                          ReadJob, now));
  for (JobRecord& job : candidates) {
    if (!kinds.empty() &&
        std::find(kinds.begin(), kinds.end(), job.kind) == kinds.end()) {
      continue;
    }
    TimePoint until = now + lease;
    FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
        "UPDATE jobs SET state = 'running', owner = ?, attempts = attempts + 1, "
        "lease_expires_at = ?, updated_at = ? WHERE id = ? AND state = ? AND owner = ?"));
    FW_RETURN_IF_ERROR(s.Bind(1, owner).Bind(2, until).Bind(3, now).Bind(4, job.id)
                           .Bind(5, JobStateName(job.state)).Bind(6, job.owner).Run());
    if (db_->Changes() != 1) continue;  // another worker took it first
    job.state = JobState::kRunning;
    job.owner = owner;
    job.attempts += 1;
    job.lease_expires_at = until;
    job.updated_at = now;
    return std::optional<JobRecord>(std::move(job));
  }
  return std::optional<JobRecord>();
}

Result<int64_t> SqliteJobs::ExpireLeasesNotOwnedBy(const std::string& owner, TimePoint now) {
  // lease_expires_at < now is what makes a running job claimable (ClaimNext).
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE jobs SET lease_expires_at = ?, updated_at = ? "
      "WHERE state = 'running' AND owner <> ? AND lease_expires_at >= ?"));
  FW_RETURN_IF_ERROR(s.Bind(1, now - std::chrono::milliseconds(1)).Bind(2, now).Bind(3, owner)
                         .Bind(4, now).Run());
  return static_cast<int64_t>(db_->Changes());
}

Status SqliteJobs::Heartbeat(const std::string& id, const std::string& owner, TimePoint now,
                             std::chrono::milliseconds lease) {
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE jobs SET lease_expires_at = ?, updated_at = ? "
      "WHERE id = ? AND owner = ? AND state = 'running'"));
  FW_RETURN_IF_ERROR(s.Bind(1, now + lease).Bind(2, now).Bind(3, id).Bind(4, owner).Run());
  if (db_->Changes() != 1) return Conflict("job " + id + " is no longer leased by " + owner);
  return Status::Ok();
}

Status SqliteJobs::Finish(const std::string& id, const std::string& owner, JobState state,
                          const std::string& result, TimePoint now) {
  if (state != JobState::kSucceeded && state != JobState::kFailed) {
    return InvalidArgument("a job can only finish as succeeded or failed");
  }
  FW_ASSIGN_OR_RETURN(Statement s, db_->Prepare(
      "UPDATE jobs SET state = ?, result = ?, owner = '', updated_at = ? "
      "WHERE id = ? AND owner = ? AND state = 'running'"));
  FW_RETURN_IF_ERROR(
      s.Bind(1, JobStateName(state)).Bind(2, result).Bind(3, now).Bind(4, id).Bind(5, owner).Run());
  if (db_->Changes() != 1) return Conflict("job " + id + " is no longer leased by " + owner);
  return Status::Ok();
}

Result<std::optional<JobRecord>> SqliteJobs::Get(const std::string& id) {
  return QueryOne<JobRecord>(db_, std::string(kJobCols) + "WHERE id = ?", ReadJob, id);
}

Result<std::vector<JobRecord>> SqliteJobs::ListByResource(const std::string& resource_key) {
  return QueryAll<JobRecord>(db_, std::string(kJobCols) + "WHERE resource_key = ? ORDER BY seq",
                             ReadJob, resource_key);
}

}  // namespace fw::store::sqlite
