#include "store/records.h"

namespace fw::store {

std::string_view JobStateName(JobState s) {
  switch (s) {
    case JobState::kPending: return "pending";
    case JobState::kRunning: return "running";
    case JobState::kSucceeded: return "succeeded";
    case JobState::kFailed: return "failed";
  }
  return "failed";
}

std::optional<JobState> ParseJobState(std::string_view s) {
  for (JobState st : {JobState::kPending, JobState::kRunning, JobState::kSucceeded,
                      JobState::kFailed}) {
    if (JobStateName(st) == s) return st;
  }
  return std::nullopt;
}

}  // namespace fw::store
