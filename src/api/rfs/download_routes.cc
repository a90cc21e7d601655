// The target of GetStackTemplate's 307: GET /_formwork/downloads/{token}/{file_name}, with no
// credentials but the token itself (short-lived and unguessable, like a pre-signed OBS URL;
// stacks::StackService issues and checks it). Not an RFS operation: no Client-Request-Id, and
// clients must not add headers to it. A template of several files (a zip template) is served as
// one template.zip (application/zip), one file as application/octet-stream.
#include "api/rfs/rfs_api.h"
#include "stacks/stack_service.h"

namespace fw::api::rfs {

void RegisterDownloadRoutes(ApiRouter& router, const RfsDeps& deps) {
  stacks::StackService* s = deps.stacks;
  router.Add("GET", std::string(stacks::kDownloadPathPrefix) + "{token}/{file_name}",
             Route{Service::kAdmin, Access::kPublic, Scope::kDomain, 0,
                   [s](Context& ctx) -> Result<http::Response> {
                     FW_ASSIGN_OR_RETURN(auto file,
                                         s->RedeemDownloadToken(ctx.request.PathParam("token"),
                                                                 ctx.request.remote));
                     if (file.file_name != ctx.request.PathParam("file_name")) {
                       return NotFound("No such download.");
                     }
                     auto ends_with = [&](std::string_view suffix) {
                       return file.file_name.size() >= suffix.size() &&
                              file.file_name.compare(file.file_name.size() - suffix.size(),
                                                     suffix.size(), suffix) == 0;
                     };
                     http::Response r;
                     r.status = 200;
                     r.body = std::move(file.content);
                     // As an OBS object: the official SDKs hand application/octet-stream and
                     // application/zip downloads to the caller as a stream response's body
                     // (text/plain would be dropped).
                     r.SetHeader("Content-Type",
                                 ends_with(".zip") ? "application/zip" : "application/octet-stream");
                     r.SetHeader("Content-Disposition",
                                 "attachment; filename=\"" + file.file_name + "\"");
                     return r;
                   }});
}

}  // namespace fw::api::rfs
