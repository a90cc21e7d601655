// StackService: reads (lists, metadata, events, resources, outputs, the template).
#include "engine/state.h"
#include "hcl/type.h"
#include "stacks/event_filter.h"
#include "stacks/pagination.h"
#include "stacks/service_internal.h"
#include "stacks/stack_service.h"
#include "stacks/stack_status.h"
#include "stacks/state_rows.h"

namespace fw::stacks {
namespace {

namespace json = boost::json;

StackSummary Summarize(const store::StackRecord& s) {
  StackSummary out;
  out.stack_id = s.id;
  out.stack_name = s.name;
  out.description = s.description;
  out.status = s.status;
  auto status = ParseStackStatus(s.status);
  if (status && IsFailed(*status)) out.status_message = s.status_message;
  out.create_time = FormatIsoSeconds(s.created_at);
  out.update_time = FormatIsoSeconds(s.updated_at);
  return out;
}

bool InProgress(const store::StackRecord& s) {
  auto status = ParseStackStatus(s.status);
  return status && IsInProgress(*status);
}

std::string StackQuery(const StackRef& ref, std::string_view what) {
  return std::string(what) + "/" + ref.project_id + "/" + ref.stack_name;
}

}  // namespace

Result<StackList> StackService::ListStacks(const std::string& project_id,
                                           const PageRequest& page) {
  std::vector<store::StackRecord> stacks;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stacks, r.stacks().ListStacks(project_id));
    return Status::Ok();
  }));
  std::vector<std::string> keys;
  for (const auto& s : stacks) keys.push_back(s.id);
  FW_ASSIGN_OR_RETURN(PageWindow w, Paginate(keys, page, "stacks/" + project_id, 10));
  StackList out;
  for (size_t i = w.begin; i < w.end; ++i) out.stacks.push_back(Summarize(stacks[i]));
  out.page_info = w.info;
  return out;
}

Result<StackMetadata> StackService::GetStackMetadata(const StackRef& ref) {
  store::StackRecord stack;
  std::optional<store::DeploymentRecord> deployment;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, FindStack(r, ref));
    if (!stack.current_deployment_id.empty()) {
      FW_ASSIGN_OR_RETURN(deployment, r.stacks().GetDeployment(stack.current_deployment_id));
    }
    return Status::Ok();
  }));
  StackMetadata out;
  out.summary = Summarize(stack);
  out.enable_deletion_protection = stack.enable_deletion_protection;
  out.enable_auto_rollback = stack.enable_auto_rollback;
  out.agencies = AgenciesFromJson(stack.agencies_json);
  if (deployment) {
    DisplayVars vars =
        VarsForDisplay(deployment->vars_json, SensitiveVariables(deployment->template_json));
    out.vars_structure = std::move(vars.vars_structure);
    out.vars_body = std::move(vars.vars_body);
    out.vars_uri_content = std::move(vars.vars_uri_content);
  }
  return out;
}

Result<EventList> StackService::ListStackEvents(const ListEventsRequest& req) {
  if (req.filter.size() > 512) {
    return InvalidArgument("filter is longer than 512 characters", "RF.10011005");
  }
  if (req.field.size() > 128) {
    return InvalidArgument("field is longer than 128 characters", "RF.10011005");
  }
  FW_ASSIGN_OR_RETURN(EventFilter filter, EventFilter::Parse(req.filter));
  FW_ASSIGN_OR_RETURN(std::set<std::string> fields, ParseEventFields(req.field));
  std::vector<store::StackEventRecord> events;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(store::StackRecord stack, FindStack(r, req.stack));
    if (req.deployment_id) {
      FW_ASSIGN_OR_RETURN(auto d, r.stacks().GetDeployment(*req.deployment_id));
      if (!d || d->stack_id != stack.id) {
        return NotFound("the deployment " + *req.deployment_id + " does not exist",
                        "RF.10013001");
      }
    }
    FW_ASSIGN_OR_RETURN(events, r.stacks().ListEvents(stack.id, req.deployment_id.value_or("")));
    return Status::Ok();
  }));
  std::vector<const store::StackEventRecord*> matching;
  for (auto it = events.rbegin(); it != events.rend(); ++it) {  // newest first
    if (filter.Matches(*it)) matching.push_back(&*it);
  }
  std::vector<std::string> keys;
  for (const auto* e : matching) keys.push_back(std::to_string(e->seq));
  FW_ASSIGN_OR_RETURN(
      PageWindow w,
      Paginate(keys, req.page,
               StackQuery(req.stack, "events") + "/" + req.deployment_id.value_or("") + "/" +
                   req.filter + "/" + req.field));
  EventList out;
  auto want = [&](const char* name, const std::string& value) -> std::optional<std::string> {
    if (value.empty() || !fields.count(name)) return std::nullopt;
    return value;
  };
  for (size_t i = w.begin; i < w.end; ++i) {
    const store::StackEventRecord& e = *matching[i];
    StackEvent ev;
    ev.event_type = e.event_type;
    ev.event_message = want("event_message", e.event_message);
    ev.resource_type = want("resource_type", e.resource_type);
    ev.resource_name = want("resource_name", e.resource_name);
    ev.resource_id_key = want("resource_id_key", e.resource_id_key);
    ev.resource_id_value = want("resource_id_value", e.resource_id_value);
    ev.resource_key = want("resource_key", e.resource_key);
    ev.time = want("time", FormatIsoSeconds(e.time));
    if (e.elapsed_seconds >= 0 && fields.count("elapsed_seconds")) {
      ev.elapsed_seconds = e.elapsed_seconds;
    }
    out.stack_events.push_back(std::move(ev));
  }
  out.page_info = w.info;
  return out;
}

Result<ResourceList> StackService::ListStackResources(const StackRef& ref,
                                                      const PageRequest& page) {
  store::StackRecord stack;
  std::vector<store::StackResourceRecord> rows;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, FindStack(r, ref));
    FW_ASSIGN_OR_RETURN(rows, r.stacks().ListResources(stack.id));
    return Status::Ok();
  }));
  std::vector<store::StackResourceRecord*> managed;
  for (auto& row : rows) {
    if (row.mode == "managed") managed.push_back(&row);
  }
  std::vector<std::string> keys;
  for (const auto* row : managed) keys.push_back(row->address);
  FW_ASSIGN_OR_RETURN(PageWindow w, Paginate(keys, page, StackQuery(ref, "resources")));
  bool summary_only = InProgress(stack);
  std::optional<engine::State> state;
  if (!summary_only) {
    auto decoded = StateFromRows(rows, stack);
    if (!decoded.ok()) return decoded.status();
    state = std::move(decoded).value();
  }
  ResourceList out;
  for (size_t i = w.begin; i < w.end; ++i) {
    const store::StackResourceRecord& row = *managed[i];
    StackResource res;
    res.physical_resource_id = row.physical_id;
    res.physical_resource_name = row.physical_name;
    res.logical_resource_name = row.module.empty() ? row.name : row.module + "." + row.name;
    res.logical_resource_type = row.type;
    if (!row.index_key_json.empty()) {
      boost::system::error_code ec;
      json::value key = json::parse(row.index_key_json, ec);
      if (!ec) {
        res.index_key = key.is_string() ? std::string(key.as_string()) : json::serialize(key);
      }
    }
    res.resource_status = row.status;
    if (row.status.size() > 7 && row.status.substr(row.status.size() - 7) == "_FAILED") {
      res.status_message = row.status_message;
    }
    if (state) {
      std::vector<ResourceAttribute> attrs;
      if (const engine::InstanceState* inst = state->Find(row.address)) {
        hcl::Value marked = inst->MarkedAttributes();
        if (marked.IsKnown() && !marked.IsNull() && marked.type().IsObject()) {
          const auto& names = marked.Keys();
          const auto& values = marked.Elements();
          for (size_t k = 0; k < names.size(); ++k) {
            if (values[k].IsNull()) continue;
            attrs.push_back({names[k], DisplayValue(values[k])});
          }
        }
      }
      res.resource_attributes = std::move(attrs);
    }
    out.stack_resources.push_back(std::move(res));
  }
  out.page_info = w.info;
  return out;
}

Result<OutputList> StackService::ListStackOutputs(const StackRef& ref, const PageRequest& page) {
  store::StackRecord stack;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, FindStack(r, ref));
    return Status::Ok();
  }));
  std::vector<StackOutput> all;
  if (!InProgress(stack)) {
    boost::system::error_code ec;
    json::value doc = json::parse(stack.outputs_json, ec);
    if (!ec && doc.is_object()) {
      for (const auto& [name, item] : doc.as_object()) {
        if (!item.is_object()) continue;
        const json::object& o = item.as_object();
        StackOutput out;
        out.name = std::string(name);
        if (auto* d = o.if_contains("description"); d && d->is_string()) {
          out.description = std::string(d->as_string());
        }
        out.sensitive = o.contains("sensitive") && o.at("sensitive").is_bool() &&
                        o.at("sensitive").as_bool();
        if (out.sensitive) {
          out.type = out.value = "<sensitive>";
        } else {
          hcl::Type type = hcl::Type::Dynamic();
          if (auto* t = o.if_contains("type")) {
            auto parsed = hcl::Type::FromJson(json::serialize(*t));
            if (parsed.ok()) type = *parsed;
          }
          out.type = type.ToTypeExpr();
          if (auto* v = o.if_contains("value")) {
            out.value = v->is_string() ? std::string(v->as_string()) : json::serialize(*v);
          }
        }
        all.push_back(std::move(out));
      }
    }
  }
  std::vector<std::string> keys;
  for (const auto& o : all) keys.push_back(o.name);
  FW_ASSIGN_OR_RETURN(PageWindow w, Paginate(keys, page, StackQuery(ref, "outputs")));
  OutputList out;
  for (size_t i = w.begin; i < w.end; ++i) out.outputs.push_back(all[i]);
  out.page_info = w.info;
  return out;
}

Result<StackTemplate> StackService::GetStackTemplate(const StackRef& ref) {
  std::optional<store::DeploymentRecord> deployment;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(store::StackRecord stack, FindStack(r, ref));
    if (!stack.template_deployment_id.empty()) {
      FW_ASSIGN_OR_RETURN(deployment, r.stacks().GetDeployment(stack.template_deployment_id));
    }
    return Status::Ok();
  }));
  std::map<std::string, std::string> files;
  if (deployment) files = FilesFromJson(deployment->template_json);
  if (files.empty()) {
    return NotFound("the stack " + ref.stack_name + " has no template yet", "RF.10013023");
  }
  return StackTemplate{deployment->id, std::move(files)};
}

Result<StackService::DownloadLink> StackService::IssueTemplateDownload(
    const StackRef& ref, const DownloadAccess& access) {
  FW_RETURN_IF_ERROR(CheckDownloadAccess(access));
  FW_ASSIGN_OR_RETURN(StackTemplate t, GetStackTemplate(ref));
  std::optional<store::StackRecord> stack;
  FW_RETURN_IF_ERROR(impl_->store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(stack, FindStack(r, ref));
    return Status::Ok();
  }));
  DownloadGrant grant{stack->id, t.deployment_id,
                      t.files.size() == 1 ? t.files.begin()->first
                                          : std::string(kTemplateZipName),
                      access};
  DownloadLink link;
  link.file_name = grant.file_name;
  link.token =
      impl_->tokens.Issue(grant, impl_->Now() + impl_->options.download_link_lifetime);
  return link;
}

Result<TemplateDownload> StackService::RedeemDownloadToken(const std::string& token,
                                                          std::string_view remote) {
  FW_ASSIGN_OR_RETURN(DownloadGrant grant, impl_->tokens.Verify(token, impl_->Now()));
  if (!DownloadAllowedFrom(grant.access, remote)) {
    return PermissionDenied("this download link does not admit requests from " +
                            std::string(remote.substr(0, remote.find(':'))));
  }
  return impl_->RedeemToken(token);
}

}  // namespace fw::stacks
