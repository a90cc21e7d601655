// Security-group rules as the network family stores them: every rule, whether a default rule
// the cloud adds to a new group or a huaweicloud_networking_secgroup_rule, is one "vpc.secgroup_rule"
// inventory item whose body has the rule resource's attribute names. The group's computed
// `rules` list is read from those items.
//
// Thread-safety: pure functions, and calls into the (thread-safe) inventory.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "hcl/value.h"
#include "providers/provider.h"

namespace fw::providers::network {

// The element type of huaweicloud_networking_secgroup's `rules`.
hcl::Type SecgroupRuleListElementType();
// One `rules` element from a stored rule body.
hcl::Value SecgroupRuleListElement(const std::string& id, const boost::json::object& body);
// The rules of `group_id` in the caller's project, oldest first, as `rules` elements.
Result<hcl::Value> SecgroupRulesList(CallContext& ctx, const std::string& group_id);
// "80", "22,3389", "8000-8080": the port text of a rule (empty when it has no ports).
std::string PortsText(int64_t min, int64_t max);
// Checks a `ports` value ("80", "1-30", "22,3389,80", each port 1..65535); "" when fine.
std::string PortsProblem(const std::string& ports);

}  // namespace fw::providers::network
