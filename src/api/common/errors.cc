#include "api/common/errors.h"

#include <boost/json.hpp>

namespace fw::api {

Service ServiceForPath(std::string_view path) {
  auto starts = [&](std::string_view p) { return path.substr(0, p.size()) == p; };
  if (starts("/v3/") || path == "/v3") return Service::kIam;
  if (starts("/v1.1/")) return Service::kCdm;
  if (starts("/v1/") || starts("/v2/")) return Service::kRfs;
  if (starts("/_formwork/") || path == "/health" || path == "/metrics") return Service::kAdmin;
  return Service::kGateway;
}

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kFailedPrecondition: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kResourceExhausted: return 429;
    case ErrorCode::kUnimplemented: return 501;
    case ErrorCode::kInternal: return 500;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kDeadlineExceeded: return 504;
  }
  return 500;
}

namespace {

std::string RfsDefault(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kPayloadTooLarge:
    case ErrorCode::kUnsupportedMediaType: return "RF.10011028";
    case ErrorCode::kUnauthenticated: return "RF.10012001";
    case ErrorCode::kPermissionDenied: return "RF.10012507";
    case ErrorCode::kNotFound: return "RF.10013001";
    case ErrorCode::kAlreadyExists: return "RF.10013502";
    case ErrorCode::kConflict: return "RF.10013503";
    case ErrorCode::kResourceExhausted: return "RF.10014001";
    default: return "RF.10010001";
  }
}

std::string CdmDefault(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kPayloadTooLarge:
    case ErrorCode::kUnsupportedMediaType: return "Cdm.0014";
    case ErrorCode::kNotFound:
    case ErrorCode::kPermissionDenied: return "Cdm.0001";
    case ErrorCode::kUnauthenticated: return "Cdm.0032";
    default: return "Cdm.0000";
  }
}

std::string GatewayDefault(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUnauthenticated: return "APIGW.0301";
    case ErrorCode::kNotFound: return "APIGW.0101";
    case ErrorCode::kPermissionDenied: return "APIGW.0302";
    case ErrorCode::kResourceExhausted: return "APIGW.0308";
    case ErrorCode::kPayloadTooLarge: return "APIGW.0201";
    case ErrorCode::kInvalidArgument: return "APIGW.0201";
    case ErrorCode::kMethodNotAllowed: return "APIGW.0101";
    default: return "APIGW.0103";
  }
}

std::string_view HttpTitle(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

}  // namespace

std::string ServiceCodeFor(Service service, const Status& status) {
  if (!status.service_code().empty()) return status.service_code();
  switch (service) {
    case Service::kRfs: return RfsDefault(status.code());
    case Service::kCdm: return CdmDefault(status.code());
    case Service::kIam: return std::to_string(HttpStatusFor(status.code()));
    case Service::kGateway:
    case Service::kAdmin: return GatewayDefault(status.code());
  }
  return "";
}

std::string ErrorBody(Service service, const Status& status, const std::string& request_id) {
  const int http_status = HttpStatusFor(status.code());
  // Authentication failures come from the gateway, whatever the service behind it.
  if (status.code() == ErrorCode::kUnauthenticated && service != Service::kIam) {
    service = Service::kGateway;
  }
  std::string code = ServiceCodeFor(service, status);
  boost::json::object body;
  switch (service) {
    case Service::kIam: {
      boost::json::object err;
      err["code"] = http_status;
      err["title"] = HttpTitle(http_status);
      err["message"] = status.message();
      body["error"] = std::move(err);
      if (!status.service_code().empty()) {
        body["error_code"] = status.service_code();
        body["error_msg"] = status.message();
      }
      break;
    }
    case Service::kCdm:
      body["error_code"] = code;
      body["error_msg"] = status.message();
      body["code"] = code;
      body["errCode"] = code;
      body["message"] = status.message();
      body["externalMessage"] = status.message();
      break;
    case Service::kRfs:
      body["error_code"] = code;
      body["error_msg"] = status.message();
      break;
    case Service::kGateway:
    case Service::kAdmin:
      body["error_code"] = code;
      body["error_msg"] = status.message();
      body["request_id"] = request_id;
      break;
  }
  return boost::json::serialize(body);
}

http::Response ErrorResponse(Service service, const Status& status,
                             const std::string& request_id) {
  return http::Response::Json(HttpStatusFor(status.code()),
                              ErrorBody(service, status, request_id));
}

}  // namespace fw::api
