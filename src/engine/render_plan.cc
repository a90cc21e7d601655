// RenderPlan (plan.h): the plan as `terraform plan` prints it.
#include <algorithm>

#include "engine/diff.h"
#include "engine/plan.h"

namespace fw::engine {
namespace {

using hcl::Value;

std::string Scalar(const Value& v) {
  if (v.IsMarked()) return "(sensitive value)";
  if (!v.IsKnown()) return "(known after apply)";
  if (v.IsNull()) return "null";
  if (v.type() == hcl::Type::String()) {
    std::string out;
    hcl::AppendJsonString(out, v.AsString());
    return out;
  }
  if (v.type() == hcl::Type::Number()) return v.AsNumber().ToString();
  if (v.type() == hcl::Type::Bool()) return v.AsBool() ? "true" : "false";
  return v.DebugString();
}

bool IsComplex(const Value& v) {
  return v.IsKnown() && !v.IsNull() && !v.IsMarked() &&
         (v.type().IsObject() || v.type().IsMap() || v.type().IsList() || v.type().IsSet() ||
          v.type().IsTuple());
}

// A whole value, every line prefixed with `sign` (create or destroy).
void RenderValue(std::string& out, const Value& v, const std::string& indent, char sign) {
  if (!IsComplex(v)) {
    out += Scalar(v);
    if (sign == '-' && v.IsKnown() && !v.IsMarked()) out += " -> null";
    return;
  }
  const bool seq = v.type().IsList() || v.type().IsSet() || v.type().IsTuple();
  out += seq ? "[\n" : "{\n";
  const auto& elems = v.Elements();
  size_t width = 0;
  if (!seq) {
    for (const std::string& k : v.Keys()) width = std::max(width, k.size() + 2);
  }
  for (size_t i = 0; i < elems.size(); ++i) {
    out += indent + "  " + sign + " ";
    if (!seq) {
      std::string key;
      hcl::AppendJsonString(key, v.Keys()[i]);
      out += key + std::string(width - key.size(), ' ') + " = ";
    }
    RenderValue(out, elems[i], indent + "    ", sign);
    out += seq ? ",\n" : "\n";
  }
  out += indent + "  " + (seq ? "]" : "}");
}

std::string Symbol(Action a) {
  switch (a) {
    case Action::kCreate: return "  +";
    case Action::kUpdate: return "  ~";
    case Action::kDelete: return "  -";
    case Action::kDeleteThenCreate: return "-/+";
    case Action::kCreateThenDelete: return "+/-";
    case Action::kRead: return " <=";
    default: return "   ";
  }
}

std::string Header(const ResourceChange& c) {
  const std::string a = c.address.String();
  std::string h = "  # " + a;
  if (c.reason == "replace_because_tainted") return h + " is tainted, so must be replaced\n";
  if (c.reason == "replace_by_triggers") {
    return h + " will be replaced due to changes in replace_triggered_by\n";
  }
  switch (c.action) {
    case Action::kCreate: return h + " will be created\n";
    case Action::kUpdate: return h + " will be updated in-place\n";
    case Action::kRead:
      return h + " will be read during apply\n  # (config refers to values not yet known)\n";
    case Action::kDeleteThenCreate:
    case Action::kCreateThenDelete: return h + " must be replaced\n";
    case Action::kDelete: {
      h += " will be destroyed\n";
      if (c.reason == "delete_because_no_resource_config") {
        h += "  # (because " + c.address.ResourceAddress() + " is not in configuration)\n";
      } else if (c.reason == "delete_because_count_index") {
        h += "  # (because index " + KeyString(c.address.key) + " is out of range for count)\n";
      } else if (c.reason == "delete_because_each_key") {
        h += "  # (because key " + KeyString(c.address.key) + " is not in for_each map)\n";
      }
      return h;
    }
    default: return h + "\n";
  }
}

void RenderAttributes(std::string& out, const ResourceChange& c) {
  const Value& before = c.before;
  const Value& after = c.after;
  std::vector<std::string> names;
  auto collect = [&](const Value& v) {
    if (v.IsKnown() && !v.IsNull() && v.type().IsObject()) {
      for (const std::string& k : v.Keys()) names.push_back(k);
    }
  };
  collect(before);
  collect(after);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  struct Line {
    std::string sign, name;
    Value b, a;
  };
  std::vector<Line> lines;
  int hidden = 0;
  for (const std::string& n : names) {
    const Value* bv = before.IsKnown() && !before.IsNull() ? before.Get(n) : nullptr;
    const Value* av = after.IsKnown() && !after.IsNull() ? after.Get(n) : nullptr;
    Value b = bv ? *bv : Value();
    Value a = av ? *av : Value();
    if (c.action == Action::kCreate || c.action == Action::kRead) {
      if (a.IsKnown() && a.IsNull()) continue;
      lines.push_back({"+", n, b, a});
    } else if (c.action == Action::kDelete) {
      if (b.IsNull()) continue;
      lines.push_back({"-", n, b, a});
    } else {
      const bool differ = ValuesDiffer(b.UnmarkDeep(), a.UnmarkDeep()) &&
                          !(b.IsNull() && a.IsKnown() && a.IsNull());
      if (!differ) {
        if (n == "id" || n == "name") {
          lines.push_back({" ", n, b, a});
        } else if (!b.IsNull()) {
          ++hidden;
        }
        continue;
      }
      lines.push_back({b.IsNull() ? "+" : (a.IsKnown() && a.IsNull() ? "-" : "~"), n, b, a});
    }
  }
  size_t width = 0;
  for (const Line& l : lines) {
    if (!IsComplex(l.sign == "-" ? l.b : l.a)) width = std::max(width, l.name.size());
  }
  for (const Line& l : lines) {
    const std::string pad =
        IsComplex(l.sign == "-" ? l.b : l.a) ? "" : std::string(width - l.name.size(), ' ');
    out += "      " + l.sign + " " + l.name + pad + " = ";
    if (l.sign == "+") {
      RenderValue(out, l.a, "      ", '+');
    } else if (l.sign == "-") {
      RenderValue(out, l.b, "      ", '-');
    } else if (l.sign == " ") {
      out += Scalar(l.a);
    } else {
      out += (IsComplex(l.b) ? "(complex value)" : Scalar(l.b)) + " -> " +
             (IsComplex(l.a) ? "(complex value)" : Scalar(l.a));
    }
    if (std::find(c.replace_paths.begin(), c.replace_paths.end(), l.name) !=
        c.replace_paths.end()) {
      out += " # forces replacement";
    }
    out += "\n";
  }
  if (hidden > 0) {
    out += "        # (" + std::to_string(hidden) + " unchanged attribute" +
           (hidden == 1 ? "" : "s") + " hidden)\n";
  }
}

}  // namespace

std::string RenderPlan(const Plan& plan) {
  std::string out;
  bool any = false;
  for (const ResourceChange& c : plan.changes) {
    if (c.action == Action::kNoOp) continue;
    if (!any) out += "Terraform will perform the following actions:\n\n";
    any = true;
    out += Header(c);
    out += Symbol(c.action) + (c.address.data ? " data \"" : " resource \"") + c.address.type +
           "\" \"" + c.address.name + "\" {\n";
    RenderAttributes(out, c);
    out += "    }\n\n";
  }
  std::string outputs;
  for (const OutputChange& o : plan.outputs) {
    if (o.action == Action::kNoOp) continue;
    Value a = o.sensitive ? o.after.WithMarks(hcl::kSensitive) : o.after;
    Value b = o.sensitive ? o.before.WithMarks(hcl::kSensitive) : o.before;
    switch (o.action) {
      case Action::kCreate: outputs += "  + " + o.name + " = " + Scalar(IsComplex(a) ? Value::DynamicUnknown() : a); break;
      case Action::kDelete: outputs += "  - " + o.name + " = " + Scalar(b) + " -> null"; break;
      default: outputs += "  ~ " + o.name + " = " + Scalar(b) + " -> " + Scalar(a); break;
    }
    if (o.action == Action::kCreate && IsComplex(a)) {
      outputs.resize(outputs.size() - std::string("(known after apply)").size());
      RenderValue(outputs, a, "    ", '+');
    }
    outputs += "\n";
  }
  if (!any && outputs.empty()) {
    return "No changes. Your infrastructure matches the configuration.\n";
  }
  if (any) {
    PlanSummary s = plan.Summary();
    out += "Plan: " + std::to_string(s.add) + " to add, " + std::to_string(s.change) +
           " to change, " + std::to_string(s.destroy) + " to destroy.\n";
  }
  if (!outputs.empty()) {
    out += (any ? "\n" : "") + std::string("Changes to Outputs:\n") + outputs;
    if (!any) {
      out += "\nYou can apply this plan to save these new output values to the Terraform state, "
             "without changing any real infrastructure.\n";
    }
  }
  return out;
}

}  // namespace fw::engine
