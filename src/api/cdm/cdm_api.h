// The CDM (Cloud Data Migration) API, v1.1. Cluster, link and job operations are routed and
// authenticated; operations not built yet answer 501 (issue: CDM clusters).
#pragma once

#include <vector>

#include "api/common/operations.h"

namespace fw::api::cdm {

const std::vector<Operation>& CdmOperations();
void RegisterCdmRoutes(ApiRouter& router);

}  // namespace fw::api::cdm
