// Short-lived download tokens for GetStackTemplate's link (the stand-in for a pre-signed OBS
// URL): an HMAC-signed (stack, deployment, file, expiry, access rules) with a key drawn at
// process start, so links die with the process as well as after their lifetime.
//
// Thread-safety: immutable after construction; safe from any thread.
#pragma once

#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "stacks/download_access.h"

namespace fw::stacks {

struct DownloadGrant {
  std::string stack_id;
  std::string deployment_id;
  std::string file_name;
  DownloadAccess access;  // who may download (checked by the download route)
};

class DownloadTokens {
 public:
  DownloadTokens();
  std::string Issue(const DownloadGrant& grant, TimePoint expires_at) const;
  // NotFound RF.10013023 when forged, malformed or expired at `now`.
  Result<DownloadGrant> Verify(const std::string& token, TimePoint now) const;

 private:
  std::string key_;
};

}  // namespace fw::stacks
