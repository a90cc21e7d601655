#include "cloud/faults.h"

#include "base/ids.h"

namespace fw::cloud {

bool GlobMatch(std::string_view p, std::string_view t) {
  // Iterative matcher with one backtrack point: linear in practice, never recursive.
  size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
      ++pi;
      ++ti;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ti;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

Result<FaultRule> FaultRuleFromJson(const boost::json::value& v) {
  if (!v.is_object()) return InvalidArgument("a fault rule must be a JSON object");
  const auto& o = v.as_object();
  FaultRule r;
  for (const auto& member : o) {
    const std::string_view key = member.key();  // plain references: lambdas may capture them
    const boost::json::value& value = member.value();
    auto str = [&](std::string* out) -> Status {
      if (!value.is_string()) return InvalidArgument("'" + std::string(key) + "' must be a string");
      *out = std::string(value.as_string());
      return Status::Ok();
    };
    if (key == "service") {
      FW_RETURN_IF_ERROR(str(&r.service));
    } else if (key == "type") {
      FW_RETURN_IF_ERROR(str(&r.type));
    } else if (key == "operation") {
      FW_RETURN_IF_ERROR(str(&r.operation));
    } else if (key == "name") {
      FW_RETURN_IF_ERROR(str(&r.name_pattern));
    } else if (key == "error_code") {
      FW_RETURN_IF_ERROR(str(&r.error_code));
    } else if (key == "error_message") {
      FW_RETURN_IF_ERROR(str(&r.error_message));
    } else if (key == "count") {
      if (!value.is_int64() || value.as_int64() < -1 || value.as_int64() > 1'000'000'000) {
        return InvalidArgument("'count' must be an integer, -1 for no limit");
      }
      r.remaining = static_cast<int>(value.as_int64());
    } else if (key == "probability") {
      double p = value.is_double() ? value.as_double()
                 : value.is_int64() ? static_cast<double>(value.as_int64())
                                    : -1;
      if (p < 0 || p > 1) return InvalidArgument("'probability' must be a number from 0 to 1");
      r.probability = p;
    } else if (key != "id") {
      return InvalidArgument("unknown fault rule field '" + std::string(key) + "'");
    }
  }
  if (r.remaining == 0) return InvalidArgument("'count' must not be 0");
  return r;
}

boost::json::object FaultRuleToJson(const FaultRule& r) {
  return {{"id", r.id},
          {"service", r.service},
          {"type", r.type},
          {"operation", r.operation},
          {"name", r.name_pattern},
          {"count", r.remaining},
          {"probability", r.probability},
          {"error_code", r.error_code},
          {"error_message", r.error_message}};
}

FaultRule FaultInjector::Add(FaultRule rule) {
  std::lock_guard<std::mutex> lock(mu_);
  rule.id = "fault-" + std::to_string(next_id_++);
  rules_.push_back(rule);
  return rule;
}

bool FaultInjector::Remove(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = std::remove_if(rules_.begin(), rules_.end(), [&](const auto& r) { return r.id == id; });
  bool removed = it != rules_.end();
  rules_.erase(it, rules_.end());
  return removed;
}

void FaultInjector::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  rules_.clear();
}

std::vector<FaultRule> FaultInjector::List() const {
  std::lock_guard<std::mutex> lock(mu_);
  return rules_;
}

std::optional<FaultRule> FaultInjector::Fire(std::string_view service, std::string_view type,
                                             std::string_view operation, std::string_view name) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    if (!GlobMatch(it->service, service) || !GlobMatch(it->type, type) ||
        !GlobMatch(it->operation, operation) || !GlobMatch(it->name_pattern, name)) {
      continue;
    }
    if (it->probability < 1.0 &&
        static_cast<double>(RandomBelow(1'000'000)) >= it->probability * 1'000'000) {
      continue;
    }
    FaultRule fired = *it;
    if (it->remaining > 0 && --it->remaining == 0) rules_.erase(it);
    return fired;
  }
  return std::nullopt;
}

Status FaultInjector::LoadJson(std::string_view json_text) {
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 16;
  auto v = boost::json::parse(json_text, ec, {}, opts);
  if (ec) return InvalidArgument("fault rules are not valid JSON: " + ec.message());
  if (!v.is_array()) return InvalidArgument("fault rules must be a JSON array");
  std::vector<FaultRule> parsed;
  for (const auto& item : v.as_array()) {
    FW_ASSIGN_OR_RETURN(FaultRule r, FaultRuleFromJson(item));
    parsed.push_back(std::move(r));
  }
  for (auto& r : parsed) Add(std::move(r));
  return Status::Ok();
}

}  // namespace fw::cloud
