// Formwork's own endpoints: GET /health (no auth).
#pragma once

#include "api/common/route.h"
#include "store/store.h"

namespace fw::server {

struct AdminDeps {
  store::Store* store;
};

void RegisterAdminRoutes(api::ApiRouter& router, const AdminDeps& deps);

}  // namespace fw::server
