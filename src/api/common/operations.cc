#include "api/common/operations.h"

namespace fw::api {

void RegisterNotBuilt(ApiRouter& router, Service service, const std::vector<Operation>& ops) {
  for (const Operation& op : ops) {
    std::string path = op.path;
    Scope scope = path.find("{project_id}") != std::string::npos ? Scope::kProject
                                                                 : Scope::kDomain;
    std::string name = op.name;
    // Add() refuses duplicates, so operations that are built keep their real handler.
    router.Add(op.method, path,
               Route{service, Access::kAuthenticated, scope, kDefaultMaxJsonBody,
                     [name](Context&) -> Result<http::Response> {
                       return Unimplemented("Formwork does not implement " + name + " yet.");
                     }});
  }
}

}  // namespace fw::api
