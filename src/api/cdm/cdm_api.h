// The CDM (Cloud Data Migration) API, v1.1. The cluster operations are built over
// cloud::cdm::ClusterService; link and job operations are routed and authenticated and answer
// 501 until they are built.
#pragma once

#include <boost/json.hpp>
#include <vector>

#include "api/common/operations.h"
#include "cloud/cdm/cluster_service.h"

namespace fw::api::cdm {

struct CdmDeps {
  cloud::cdm::ClusterService* clusters;
  const cloud::Provisioning* provisioning;
};

const std::vector<Operation>& CdmOperations();
void RegisterCdmRoutes(ApiRouter& router, const CdmDeps& deps);

// Parts of the registration, one per file.
void RegisterClusterRoutes(ApiRouter& router, const CdmDeps& deps);
void RegisterCatalogRoutes(ApiRouter& router, const CdmDeps& deps);

// A CDM route on a project ({project_id} in the path), authenticated.
inline Route CdmRoute(HandlerFn fn, size_t max_body_bytes = kDefaultMaxJsonBody) {
  return Route{Service::kCdm, Access::kAuthenticated, Scope::kProject, max_body_bytes,
               std::move(fn)};
}
inline http::Response JsonResponse(int status, const boost::json::value& body) {
  return http::Response::Json(status, boost::json::serialize(body));
}

// Re-tags a JSON decoding failure with CDM's parameter-type code.
Status CdmBadRequest(const Status& s);

}  // namespace fw::api::cdm
