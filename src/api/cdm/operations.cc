#include "api/cdm/cdm_api.h"

namespace fw::api::cdm {

// shared/spec/cdm-api.md §1.
const std::vector<Operation>& CdmOperations() {
  static const std::vector<Operation> kOps = {
      {"CreateCluster", "POST", "/v1.1/{project_id}/clusters"},
      {"ListClusters", "GET", "/v1.1/{project_id}/clusters"},
      {"ShowClusterDetail", "GET", "/v1.1/{project_id}/clusters/{cluster_id}"},
      {"DeleteCluster", "DELETE", "/v1.1/{project_id}/clusters/{cluster_id}"},
      {"RestartCluster/StartCluster/StopCluster", "POST",
       "/v1.1/{project_id}/clusters/{cluster_id}/action"},
      {"ModifyCluster", "POST", "/v1.1/{project_id}/cluster/modify/{cluster_id}"},
      {"ShowClusterEnterpriseProjects", "GET",
       "/v1.1/{project_id}/clusters/{cluster_id}/enterprise-projects"},
      {"ShowEnterpriseProjects", "GET", "/v1.1/{project_id}/enterprise-projects"},
      {"ShowAvailabilityZones", "GET", "/v1.1/{project_id}/regions/{region_id}/availability_zones"},
      {"ShowDatastores", "GET", "/v1.1/{project_id}/datastores"},
      {"ShowFlavors", "GET", "/v1.1/{project_id}/datastores/{datastore_id}/flavors"},
      {"ShowFlavorDetail", "GET", "/v1.1/{project_id}/flavors/{flavor_id}"},
      {"ShowInstanceDetail", "GET", "/v1.1/{project_id}/instances/{instance_id}"},
      {"CreateLink", "POST", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/link"},
      {"ShowLink", "GET", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/link/{link_name}"},
      {"UpdateLink", "PUT", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/link/{link_name}"},
      {"DeleteLink", "DELETE", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/link/{link_name}"},
      {"CreateJob", "POST", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job"},
      {"CreateAndStartRandomClusterJob", "POST", "/v1.1/{project_id}/clusters/job"},
      {"ShowJobs", "GET", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}"},
      {"UpdateJob", "PUT", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}"},
      {"DeleteJob", "DELETE", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}"},
      {"StartJob", "PUT", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}/start"},
      {"StopJob", "PUT", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}/stop"},
      {"ShowJobStatus", "GET",
       "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}/status"},
      {"ShowSubmissions", "GET", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/submissions"},
  };
  return kOps;
}

void RegisterCdmRoutes(ApiRouter& router, const CdmDeps& deps) {
  RegisterClusterRoutes(router, deps);
  RegisterCatalogRoutes(router, deps);
  RegisterNotBuilt(router, Service::kCdm, CdmOperations());
}

Status CdmBadRequest(const Status& s) {
  if (s.ok() || !s.service_code().empty()) return s;
  return Status(s.code(), s.message(), "Cdm.0004");
}

}  // namespace fw::api::cdm
