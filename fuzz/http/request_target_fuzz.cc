// Fuzzes what Formwork reads from a request target before any handler runs: query-string
// decoding, path-segment decoding, the router over the real route shapes, and fault rules
// (the admin endpoint's JSON). The first byte picks the part.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "cloud/faults.h"
#include "http/message.h"
#include "http/router.h"

namespace {

const fw::http::Router<int>& Routes() {
  static const fw::http::Router<int>* router = [] {
    auto* r = new fw::http::Router<int>();
    int i = 0;
    for (const char* p : {"/v1.1/{project_id}/clusters", "/v1.1/{project_id}/clusters/{cluster_id}",
                          "/v1.1/{project_id}/clusters/job",
                          "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}",
                          "/v1/{project_id}/stacks/{stack_name}/execution-plans/{execution_plan_name}",
                          "/v1/stack-sets/{stack_set_name}", "/v3/projects", "/v3/auth/tokens"}) {
      r->Add("GET", p, i++);
      r->Add("POST", p, i++);
    }
    return r;
  }();
  return *router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      (void)fw::http::ParseQuery(in);
      (void)fw::http::DecodePathSegment(in);
      break;
    }
    case 1: {
      size_t q = in.find('?');
      auto m = Routes().Find(data[0] & 4 ? "GET" : "DELETE", in.substr(0, q));
      if (m.outcome == fw::http::RouteOutcome::kFound && m.params.size() > 8) __builtin_trap();
      break;
    }
    case 2: {
      fw::cloud::FaultInjector faults;
      if (faults.LoadJson(in).ok()) {
        for (const auto& r : faults.List()) {
          (void)faults.Fire(r.service, r.type, r.operation, r.name_pattern);
          (void)fw::cloud::GlobMatch(r.name_pattern, in);
        }
      }
      break;
    }
  }
  return 0;
}
