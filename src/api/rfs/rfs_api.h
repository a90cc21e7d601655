// The RFS (Resource Formation Service, SDK name "aos") API, v1. Operations 1–21 of
// shared/spec/rfs-api.md (stacks, execution plans, template analysis) are built over
// stacks::StackService; every other documented operation is routed and authenticated and
// answers 501. Every RFS operation requires the Client-Request-Id header (§1.2), checked
// before anything else the handler does.
//
// Files: operations.cc (the table, registration), request_rules (headers, bodies),
// request_decoding (JSON → service requests), response_json (service results → JSON),
// stack_routes.cc (mutations), stack_read_routes.cc (reads, the template link), plan_routes.cc,
// template_analysis_routes.cc, download_routes.cc (the link's unauthenticated target).
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "api/common/operations.h"

namespace fw::stacks {
class StackService;
}

namespace fw::api::rfs {

struct RfsDeps {
  // Null: operations 1–21 answer 501 like the others (a server built without stacks).
  stacks::StackService* stacks = nullptr;
};

const std::vector<Operation>& RfsOperations();
void RegisterRfsRoutes(ApiRouter& router, const RfsDeps& deps = {});

// Parts of the registration, one per file.
void RegisterStackRoutes(ApiRouter& router, const RfsDeps& deps);
void RegisterStackReadRoutes(ApiRouter& router, const RfsDeps& deps);
void RegisterPlanRoutes(ApiRouter& router, const RfsDeps& deps);
void RegisterTemplateAnalysisRoutes(ApiRouter& router, const RfsDeps& deps);
void RegisterDownloadRoutes(ApiRouter& router, const RfsDeps& deps);

// Bodies carry templates (51200 characters each for template and vars, JSON-escaped) and up to
// 100 vars_structure items of 2048 characters.
inline constexpr size_t kMaxRfsBody = 4 * 1024 * 1024;

// An RFS route on a project, authenticated; `fn` runs only when Client-Request-Id is valid.
Route RfsRoute(HandlerFn fn, size_t max_body_bytes = kMaxRfsBody);

}  // namespace fw::api::rfs
