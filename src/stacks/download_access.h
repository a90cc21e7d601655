// Who may use a download link: GetStackTemplate's `access_control_source_ips` (IPv4 addresses or
// CIDR blocks) and `access_control_source_vpc_ids`, as a pre-signed OBS link restricted by a
// bucket policy. With neither, anyone holding the link may download. A caller outside the
// simulated cloud is in no VPC, so VPC ids alone admit no direct download; Formwork's own
// reads of the link (a template_uri naming it) are the service's and are not restricted.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace fw::stacks {

struct DownloadAccess {
  std::vector<std::string> source_ips;      // "203.0.113.7", "10.0.0.0/8"
  std::vector<std::string> source_vpc_ids;  // lowercase letters, digits, hyphens
};

// InvalidArgument (RF.10011028) naming the first malformed entry; at most 100 of each.
Status CheckDownloadAccess(const DownloadAccess& access);

// Whether a request from `remote` ("1.2.3.4" or "1.2.3.4:port") may download.
bool DownloadAllowedFrom(const DownloadAccess& access, std::string_view remote);

}  // namespace fw::stacks
