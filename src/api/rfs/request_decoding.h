// JSON bodies and query strings of the RFS operations → the requests of stacks::StackService.
// Decoding checks JSON kinds (RF.10011038), required fields (RF.10011001) and unknown fields
// (RF.10011002); the service checks values.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/common/route.h"
#include "stacks/stack_service.h"

namespace fw::api::rfs {

// template_body, template_uri, vars_body, vars_uri, vars_structure of `o` (§1.8).
Result<stacks::TemplateInput> DecodeTemplateInput(const boost::json::object& o);

// `agencies` of `o` (nullopt when absent).
Result<std::optional<std::vector<stacks::Agency>>> DecodeAgencies(const boost::json::object& o);

// marker / limit of the query (limit not an integer → RF.10011036).
Result<stacks::PageRequest> DecodePage(const Context& ctx);

// The stack named by the path; `stack_id` from the query (GET/DELETE).
stacks::StackRef StackFromQuery(const Context& ctx);
// The stack named by the path; `stack_id` from the body (POST/PATCH).
Result<stacks::StackRef> StackFromBody(const Context& ctx, const boost::json::object& body);
// The plan named by the path; ids from the query.
stacks::PlanRef PlanFromQuery(const Context& ctx);

}  // namespace fw::api::rfs
