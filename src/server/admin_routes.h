// Formwork's own endpoints: GET /health (no auth), and the fault rules of the simulated cloud
// under /_formwork/faults (authenticated): GET lists, POST adds one rule, DELETE clears all,
// DELETE /_formwork/faults/{id} removes one.
#pragma once

#include "api/common/route.h"
#include "cloud/faults.h"
#include "store/store.h"

namespace fw::server {

struct AdminDeps {
  store::Store* store;
  cloud::FaultInjector* faults;
};

void RegisterAdminRoutes(api::ApiRouter& router, const AdminDeps& deps);

}  // namespace fw::server
