// Response bodies of the stack operations (spec §2).
#include "api/common/json_writer.h"
#include "api/rfs/json_parts.h"
#include "api/rfs/response_json.h"

namespace fw::api::rfs {
namespace {

void WriteStackFields(JsonWriter& w, const stacks::StackSummary& s) {
  w.Key("stack_id").String(s.stack_id).Key("stack_name").String(s.stack_name);
  WriteNonEmpty(w, "description", s.description);
  w.Key("status").String(s.status);
  WriteNonEmpty(w, "status_message", s.status_message);
  w.Key("create_time").String(s.create_time).Key("update_time").String(s.update_time);
}

}  // namespace

std::string CreateStackJson(const stacks::CreateStackResponse& r) {
  JsonWriter w;
  w.BeginObject().Key("stack_id").String(r.stack_id);
  WriteOptional(w, "deployment_id", r.deployment_id);
  return w.EndObject().Take();
}

std::string DeploymentJson(const stacks::DeploymentStarted& d) {
  JsonWriter w;
  return w.BeginObject().Key("deployment_id").String(d.deployment_id).EndObject().Take();
}

std::string StackListJson(const stacks::StackList& list) {
  JsonWriter w;
  w.BeginObject().Key("stacks").BeginArray();
  for (const auto& s : list.stacks) {
    w.BeginObject();
    WriteStackFields(w, s);
    w.EndObject();
  }
  w.EndArray();
  WritePageInfo(w, list.page_info);
  return w.EndObject().Take();
}

std::string StackMetadataJson(const stacks::StackMetadata& m) {
  JsonWriter w;
  w.BeginObject();
  WriteStackFields(w, m.summary);
  WriteVarsStructure(w, m.vars_structure);
  WriteOptional(w, "vars_body", m.vars_body);
  WriteOptional(w, "vars_uri_content", m.vars_uri_content);
  w.Key("enable_deletion_protection").Bool(m.enable_deletion_protection);
  w.Key("enable_auto_rollback").Bool(m.enable_auto_rollback);
  w.Key("agencies").BeginArray();
  for (const auto& a : m.agencies) {
    w.BeginObject().Key("provider_name").String(a.provider_name);
    WriteNonEmpty(w, "agency_name", a.agency_name);
    WriteNonEmpty(w, "agency_urn", a.agency_urn);
    w.EndObject();
  }
  w.EndArray();
  return w.EndObject().Take();
}

std::string EventListJson(const stacks::EventList& list) {
  JsonWriter w;
  w.BeginObject().Key("stack_events").BeginArray();
  for (const auto& e : list.stack_events) {
    w.BeginObject();
    WriteOptional(w, "resource_type", e.resource_type);
    WriteOptional(w, "resource_name", e.resource_name);
    WriteOptional(w, "resource_id_key", e.resource_id_key);
    WriteOptional(w, "resource_id_value", e.resource_id_value);
    WriteOptional(w, "resource_key", e.resource_key);
    WriteOptional(w, "time", e.time);
    w.Key("event_type").String(e.event_type);
    WriteOptional(w, "event_message", e.event_message);
    if (e.elapsed_seconds) w.Key("elapsed_seconds").Int(*e.elapsed_seconds);
    w.EndObject();
  }
  w.EndArray();
  WritePageInfo(w, list.page_info);
  return w.EndObject().Take();
}

std::string ResourceListJson(const stacks::ResourceList& list) {
  JsonWriter w;
  w.BeginObject().Key("stack_resources").BeginArray();
  for (const auto& r : list.stack_resources) {
    w.BeginObject();
    WriteNonEmpty(w, "physical_resource_id", r.physical_resource_id);
    WriteNonEmpty(w, "physical_resource_name", r.physical_resource_name);
    w.Key("logical_resource_name").String(r.logical_resource_name);
    w.Key("logical_resource_type").String(r.logical_resource_type);
    WriteOptional(w, "index_key", r.index_key);
    w.Key("resource_status").String(r.resource_status);
    WriteNonEmpty(w, "status_message", r.status_message);
    if (r.resource_attributes) {
      w.Key("resource_attributes").BeginArray();
      for (const auto& a : *r.resource_attributes) {
        w.BeginObject().Key("key").String(a.key).Key("value").String(a.value).EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  WritePageInfo(w, list.page_info);
  return w.EndObject().Take();
}

std::string OutputListJson(const stacks::OutputList& list) {
  JsonWriter w;
  w.BeginObject().Key("outputs").BeginArray();
  for (const auto& o : list.outputs) {
    w.BeginObject().Key("name").String(o.name);
    WriteNonEmpty(w, "description", o.description);
    w.Key("type").String(o.type).Key("value").String(o.value);
    w.Key("sensitive").Bool(o.sensitive);
    w.EndObject();
  }
  w.EndArray();
  WritePageInfo(w, list.page_info);
  return w.EndObject().Take();
}

}  // namespace fw::api::rfs
