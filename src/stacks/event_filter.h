// ListStackEvents' `filter` (spec rfs-api.md §1.6: ',' = AND, '|' = OR binding tighter, only
// '==', names and values of letters/digits/underscore, a clause with ';' ignored; each AND term
// on one parameter: event_type, resource_type, resource_name) and `field` (which attributes to
// return; event_type always).
//
// Thread-safety: immutable after parsing.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/stack_records.h"

namespace fw::stacks {

class EventFilter {
 public:
  // RF.10011087 unknown parameter, RF.10011088 no valid method ('==' missing), RF.10011089
  // invalid value.
  static Result<EventFilter> Parse(const std::string& text);
  bool Matches(const store::StackEventRecord& e) const;

 private:
  // Per parameter, the accepted values (one AND term each).
  std::vector<std::pair<std::string, std::set<std::string>>> terms_;
};

// The attributes `field` selects; all when `field` is empty. Accepts "timestamp" for "time".
// RF.10011087 for an unknown name.
Result<std::set<std::string>> ParseEventFields(const std::string& field);

}  // namespace fw::stacks
