// GET /v3/projects, /v3/projects/{project_id}, /v3/auth/projects, /v3/auth/domains.
#include <boost/json.hpp>
#include <charconv>

#include "api/common/json.h"
#include "api/iam/iam_api.h"
#include "api/iam/token_json.h"

namespace fw::api::iam {
namespace {

Result<int64_t> ParseBoundedInt(const std::string& text, std::string_view name, int64_t lo,
                                int64_t hi) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < lo || v > hi) {
    return InvalidArgument("'" + std::string(name) + "' must be an integer from " +
                           std::to_string(lo) + " to " + std::to_string(hi) + ".");
  }
  return v;
}

Result<bool> ParseBool(const std::string& text, std::string_view name) {
  if (text == "true" || text == "True" || text == "1") return true;
  if (text == "false" || text == "False" || text == "0") return false;
  return InvalidArgument("'" + std::string(name) + "' must be true or false.");
}

Result<http::Response> ListProjects(const IamDeps& deps, Context& ctx) {
  store::ProjectFilter filter;
  filter.domain_id = ctx.principal->domain_id;
  std::optional<int64_t> page, per_page;
  bool wrong_domain = false, only_domains = false;
  for (const auto& [k, v] : ctx.request.QueryParams()) {
    if (k == "name") {
      filter.name = v;
    } else if (k == "domain_id" || k == "parent_id") {
      if (v != ctx.principal->domain_id) wrong_domain = true;
    } else if (k == "enabled") {
      FW_ASSIGN_OR_RETURN(bool b, ParseBool(v, "enabled"));
      filter.enabled = b;
    } else if (k == "is_domain") {
      FW_ASSIGN_OR_RETURN(only_domains, ParseBool(v, "is_domain"));
    } else if (k == "page") {
      FW_ASSIGN_OR_RETURN(page, ParseBoundedInt(v, "page", 1, 1 << 30));
    } else if (k == "per_page") {
      FW_ASSIGN_OR_RETURN(per_page, ParseBoundedInt(v, "per_page", 1, 5000));
    }
  }
  if (page.has_value() != per_page.has_value()) {
    return InvalidArgument("'page' and 'per_page' must be given together.");
  }
  std::vector<store::ProjectRecord> projects;
  if (!wrong_domain && !only_domains) {
    FW_RETURN_IF_ERROR(deps.store->Read([&](store::Repositories& r) -> Status {
      FW_ASSIGN_OR_RETURN(projects, r.accounts().ListProjects(filter));
      return Status::Ok();
    }));
  }
  boost::json::array items;
  size_t begin = 0, end = projects.size();
  if (page) {
    begin = std::min(projects.size(), static_cast<size_t>((*page - 1) * *per_page));
    end = std::min(projects.size(), begin + static_cast<size_t>(*per_page));
  }
  for (size_t i = begin; i < end; ++i) items.push_back(ProjectJson(projects[i], ctx.base_url));
  std::string self = ctx.base_url + ctx.request.path;
  if (!ctx.request.query.empty()) self += "?" + ctx.request.query;
  boost::json::object body{
      {"links", {{"self", self}, {"previous", nullptr}, {"next", nullptr}}},
      {"projects", std::move(items)}};
  if (page) body["total_count"] = projects.size();
  return http::Response::Json(200, ToJson(body));
}

}  // namespace

void RegisterTokenRoutes(ApiRouter& router, const IamDeps& deps);

void RegisterIamRoutes(ApiRouter& router, const IamDeps& deps) {
  RegisterTokenRoutes(router, deps);
  auto list = [deps](Context& ctx) { return ListProjects(deps, ctx); };
  router.Add("GET", "/v3/projects", Route{Service::kIam, Access::kAuthenticated, Scope::kDomain, 0, list});
  router.Add("GET", "/v3/auth/projects",
             Route{Service::kIam, Access::kAuthenticated, Scope::kDomain, 0, list});
  router.Add("GET", "/v3/projects/{project_id}",
             Route{Service::kIam, Access::kAuthenticated, Scope::kDomain, 0,
                   [deps](Context& ctx) -> Result<http::Response> {
                     std::optional<store::ProjectRecord> p;
                     FW_RETURN_IF_ERROR(deps.store->Read([&](store::Repositories& r) -> Status {
                       FW_ASSIGN_OR_RETURN(
                           p, r.accounts().FindProjectById(ctx.request.PathParam("project_id")));
                       return Status::Ok();
                     }));
                     if (!p || p->domain_id != ctx.principal->domain_id) {
                       return NotFound("Could not find project: " +
                                       ctx.request.PathParam("project_id") + ".");
                     }
                     return http::Response::Json(
                         200, ToJson(boost::json::object{{"project", ProjectJson(*p, ctx.base_url)}}));
                   }});
  router.Add("GET", "/v3/auth/domains",
             Route{Service::kIam, Access::kAuthenticated, Scope::kDomain, 0,
                   [](Context& ctx) -> Result<http::Response> {
                     boost::json::object d{
                         {"id", ctx.principal->domain_id},
                         {"name", ctx.principal->domain_name},
                         {"enabled", true},
                         {"description", ""},
                         {"links", {{"self", ctx.base_url + "/v3/domains/" +
                                                 ctx.principal->domain_id}}}};
                     boost::json::object body{
                         {"domains", boost::json::array{d}},
                         {"links", {{"self", ctx.base_url + "/v3/auth/domains"},
                                    {"previous", nullptr},
                                    {"next", nullptr}}}};
                     return http::Response::Json(200, ToJson(body));
                   }});
}

}  // namespace fw::api::iam
