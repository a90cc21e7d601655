// The IAM routes Formwork serves (what the SDKs and token users call).
#pragma once

#include <string>
#include <vector>

#include "api/common/route.h"
#include "auth/token_service.h"
#include "base/clock.h"
#include "store/store.h"

namespace fw::api::iam {

struct IamDeps {
  store::Store* store;
  auth::TokenService* tokens;
  const Clock* clock;
};

void RegisterIamRoutes(ApiRouter& router, const IamDeps& deps);

}  // namespace fw::api::iam
