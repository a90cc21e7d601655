// The services Formwork speaks for; each has its own error body.
#pragma once

#include <string_view>

namespace fw::api {

enum class Service {
  kGateway,  // the API gateway in front of everything: auth failures, unknown APIs
  kIam,      // {"error":{"code":401,"title":"Unauthorized","message":...}}
  kCdm,      // error_code/error_msg plus code/errCode/message/externalMessage
  kRfs,      // {"error_code":"RF.…","error_msg":…}
  kAdmin,    // Formwork's own endpoints (/health, /_formwork/…)
};

// The service a path belongs to, for errors raised before a route is known.
Service ServiceForPath(std::string_view path);

}  // namespace fw::api
