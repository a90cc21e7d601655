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

// RFS service codes (shared/spec/rfs-api.md §1.7) used by more than one file.
namespace rf {
inline constexpr char kMissingParameter[] = "RF.10011001";
inline constexpr char kUnknownParameter[] = "RF.10011002";
inline constexpr char kTooLong[] = "RF.10011005";
inline constexpr char kTooShort[] = "RF.10011006";
inline constexpr char kBadName[] = "RF.10011010";
inline constexpr char kBothTemplates[] = "RF.10011003";
inline constexpr char kStackIdMismatch[] = "RF.10011015";
inline constexpr char kPlanIdMismatch[] = "RF.10011018";
inline constexpr char kInvalidEnum[] = "RF.10011027";
inline constexpr char kInvalidRequest[] = "RF.10011028";
inline constexpr char kBodyMissing[] = "RF.10011032";
inline constexpr char kBodyNotJson[] = "RF.10011033";
inline constexpr char kBadVarsUri[] = "RF.10011034";
inline constexpr char kBadTemplateUri[] = "RF.10011035";
inline constexpr char kNotInteger[] = "RF.10011036";
inline constexpr char kWrongType[] = "RF.10011038";
inline constexpr char kBadVarKey[] = "RF.10011039";
inline constexpr char kBadVarsBody[] = "RF.10011051";
inline constexpr char kNoTemplate[] = "RF.10011056";
inline constexpr char kDuplicateAgency[] = "RF.10011065";
inline constexpr char kInvalidTemplate[] = "RF.10011074";
inline constexpr char kNothingToUpdate[] = "RF.10011084";
inline constexpr char kFilterUnknownOption[] = "RF.10011087";
inline constexpr char kFilterNoMethod[] = "RF.10011088";
inline constexpr char kFilterBadValue[] = "RF.10011089";
inline constexpr char kDuplicateFields[] = "RF.10011093";
inline constexpr char kStackNotFound[] = "RF.10013001";
inline constexpr char kPlanNotFound[] = "RF.10013002";
inline constexpr char kTemplateNotFound[] = "RF.10013023";
}  // namespace rf

}  // namespace fw::api
