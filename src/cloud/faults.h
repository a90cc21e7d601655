// Fault rules: make the simulated cloud fail on purpose, so users can test their error
// handling and rollback. A rule matches (service, resource type, operation, name glob) and
// fires `remaining` more times (-1: always) with a probability; set by configuration
// (--faults-file) or the admin endpoint /_formwork/faults.
//
// Thread-safety: FaultInjector is safe from any thread.
#pragma once

#include <boost/json.hpp>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace fw::cloud {

struct FaultRule {
  std::string id;                  // assigned when added
  std::string service = "*";       // "cdm"
  std::string type = "*";          // "cluster"
  std::string operation = "*";     // "create", "start", "stop", "restart", "delete", "modify"
  std::string name_pattern = "*";  // glob over the resource name: '*' and '?'
  int remaining = -1;              // how many more times it fires; -1 = no limit
  double probability = 1.0;        // 0..1
  std::string error_code = "Cdm.0000";
  std::string error_message = "Injected fault.";
};

// '*' matches any run of characters, '?' one character.
bool GlobMatch(std::string_view pattern, std::string_view text);

Result<FaultRule> FaultRuleFromJson(const boost::json::value& v);
boost::json::object FaultRuleToJson(const FaultRule& rule);

class FaultInjector {
 public:
  FaultRule Add(FaultRule rule);
  bool Remove(const std::string& id);
  void Clear();
  std::vector<FaultRule> List() const;
  // The first rule that matches and fires (its count is used up by one).
  std::optional<FaultRule> Fire(std::string_view service, std::string_view type,
                                std::string_view operation, std::string_view name);
  // Adds every rule of a JSON array (the --faults-file format).
  Status LoadJson(std::string_view json_text);

 private:
  mutable std::mutex mu_;
  std::vector<FaultRule> rules_;  // guarded by mu_
  int next_id_ = 1;               // guarded by mu_
};

}  // namespace fw::cloud
