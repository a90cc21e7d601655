// The error catalogue's one table: ErrorCode → HTTP status, and each service's error body.
//
// A Status with a service code ("RF.10013001") keeps it; otherwise the service's default code
// for that kind of failure is used. Messages are the Status's message: callers never put
// secrets in them.
#pragma once

#include <string>

#include "api/common/service.h"
#include "base/status.h"
#include "http/message.h"

namespace fw::api {

int HttpStatusFor(ErrorCode code);
// The service-specific code a body carries for `status` (its own, or the default).
std::string ServiceCodeFor(Service service, const Status& status);
std::string ErrorBody(Service service, const Status& status, const std::string& request_id);
http::Response ErrorResponse(Service service, const Status& status,
                             const std::string& request_id);

}  // namespace fw::api
