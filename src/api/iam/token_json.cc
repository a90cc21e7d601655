#include "api/iam/token_json.h"

#include "base/time_format.h"
#include "crypto/crypto.h"

namespace fw::api::iam {
namespace {

// A stable id for a catalog entry, derived from its content.
std::string StableId(std::string_view seed) { return crypto::Sha256Hex(seed).substr(0, 32); }

boost::json::object Endpoint(const std::string& region, const std::string& url) {
  return {{"id", StableId("endpoint:" + region + url)},
          {"interface", "public"},
          {"region", region},
          {"region_id", region},
          {"url", url}};
}

boost::json::array Catalog(const std::string& base_url,
                           const std::vector<store::ProjectRecord>& projects) {
  boost::json::array catalog;
  catalog.push_back({{"id", StableId("service:iam")},
                     {"name", "iam"},
                     {"type", "identity"},
                     {"endpoints", boost::json::array{Endpoint("*", base_url + "/v3")}}});
  struct Regional {
    const char* name;
    const char* type;
    const char* path;
  };
  for (const Regional& svc : {Regional{"cdm", "cdm", "/v1.1/"}, Regional{"rfs", "rfs", "/v1/"}}) {
    boost::json::array endpoints;
    for (const auto& p : projects) {
      endpoints.push_back(Endpoint(p.name, base_url + svc.path + p.id));
    }
    catalog.push_back({{"id", StableId(std::string("service:") + svc.name)},
                       {"name", svc.name},
                       {"type", svc.type},
                       {"endpoints", std::move(endpoints)}});
  }
  return catalog;
}

}  // namespace

boost::json::object ProjectJson(const store::ProjectRecord& p, const std::string& base_url) {
  return {{"id", p.id},
          {"name", p.name},
          {"domain_id", p.domain_id},
          {"parent_id", p.domain_id},
          {"enabled", p.enabled},
          {"is_domain", false},
          {"description", p.description},
          {"links", {{"self", base_url + "/v3/projects/" + p.id}}}};
}

boost::json::object TokenBody(const auth::TokenInfo& info, const std::string& base_url,
                              const std::vector<store::ProjectRecord>& projects,
                              bool include_catalog) {
  boost::json::object domain{{"id", info.domain.id}, {"name", info.domain.name}};
  boost::json::object token{
      {"methods", boost::json::array{"password"}},
      {"expires_at", FormatIsoMicros(info.record.expires_at)},
      {"issued_at", FormatIsoMicros(info.record.issued_at)},
      {"user",
       {{"id", info.user.id},
        {"name", info.user.name},
        {"password_expires_at", ""},
        {"domain", domain}}},
      {"roles", boost::json::array{boost::json::object{{"id", "0"}, {"name", "te_admin"}},
                                   boost::json::object{{"id", "0"}, {"name", "op_service"}}}}};
  if (info.project) {
    token["project"] = {{"id", info.project->id},
                        {"name", info.project->name},
                        {"domain", domain}};
  } else {
    token["domain"] = domain;
  }
  if (include_catalog) token["catalog"] = Catalog(base_url, projects);
  return {{"token", std::move(token)}};
}

}  // namespace fw::api::iam
