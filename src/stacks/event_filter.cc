#include "stacks/event_filter.h"

#include <cctype>

namespace fw::stacks {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

bool IsWord(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

const std::set<std::string>& FilterParameters() {
  static const std::set<std::string> k = {"event_type", "resource_type", "resource_name"};
  return k;
}

}  // namespace

Result<EventFilter> EventFilter::Parse(const std::string& text) {
  EventFilter f;
  if (text.empty()) return f;
  for (const std::string& term : Split(text, ',')) {
    if (term.find(';') != std::string::npos) continue;  // ignored, as the service does
    std::string param;
    std::set<std::string> values;
    for (const std::string& alt : Split(term, '|')) {
      size_t eq = alt.find("==");
      if (eq == std::string::npos) {
        return InvalidArgument("filter clause '" + alt + "' has no valid method (only == is "
                               "supported)", "RF.10011088");
      }
      std::string name = alt.substr(0, eq);
      std::string value = alt.substr(eq + 2);
      if (!FilterParameters().count(name)) {
        return InvalidArgument("unknown filter option '" + name + "'; supported: event_type, "
                               "resource_type, resource_name", "RF.10011087");
      }
      if (!IsWord(value)) {
        return InvalidArgument("invalid filter value '" + value + "'", "RF.10011089");
      }
      if (!param.empty() && param != name) {
        return InvalidArgument("the alternatives of one filter term must use one parameter",
                               "RF.10011089");
      }
      param = name;
      values.insert(value);
    }
    f.terms_.emplace_back(param, std::move(values));
  }
  return f;
}

bool EventFilter::Matches(const store::StackEventRecord& e) const {
  for (const auto& [param, values] : terms_) {
    const std::string& v = param == "event_type"      ? e.event_type
                           : param == "resource_type" ? e.resource_type
                                                      : e.resource_name;
    if (!values.count(v)) return false;
  }
  return true;
}

Result<std::set<std::string>> ParseEventFields(const std::string& field) {
  static const std::set<std::string> kSelectable = {
      "elapsed_seconds", "event_message", "resource_id_key", "resource_id_value",
      "resource_key",    "resource_type", "resource_name",   "time",
      "event_type"};
  if (field.empty()) return kSelectable;
  std::set<std::string> out = {"event_type"};
  for (std::string name : Split(field, ',')) {
    if (name.empty()) continue;
    if (name == "timestamp") name = "time";
    if (!kSelectable.count(name)) {
      return InvalidArgument("unknown field '" + name + "'", "RF.10011087");
    }
    out.insert(name);
  }
  return out;
}

}  // namespace fw::stacks
