#include "cli/variable_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/tfvars.h"

namespace fw::cli {

namespace fs = std::filesystem;

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The automatically loaded files of a configuration directory, in Terraform's order.
std::vector<std::string> AutoFiles(const std::string& config_path) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(config_path, ec)) return out;
  for (const char* name : {"terraform.tfvars", "terraform.tfvars.json"}) {
    fs::path p = fs::path(config_path) / name;
    if (fs::is_regular_file(p, ec)) out.push_back(p.string());
  }
  std::vector<std::string> autos;
  for (const auto& entry : fs::directory_iterator(config_path, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) &&
        (EndsWith(name, ".auto.tfvars") || EndsWith(name, ".auto.tfvars.json"))) {
      autos.push_back(entry.path().string());
    }
  }
  std::sort(autos.begin(), autos.end());
  out.insert(out.end(), autos.begin(), autos.end());
  return out;
}

void ReadFile(const std::string& path, VariableInputs& in) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    in.diags.AddError("Failed to read variables file",
                      "Given variables file " + path + " does not exist.", std::nullopt);
    return;
  }
  std::stringstream buf;
  buf << f.rdbuf();
  std::string content = buf.str();
  in.sources[path] = std::make_shared<const hcl::SourceFile>(path, content);
  config::TfvarsResult r = config::ParseTfvars(std::move(content), path);
  in.diags.Append(std::move(r.diags));
  for (auto& [name, value] : r.values) {
    in.raw.erase(name);
    in.values[name] = std::move(value);
  }
}

void AddVar(const std::string& text, VariableInputs& in) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    in.diags.AddError("Invalid -var option",
                      "The given -var option \"" + text +
                          "\" is not correctly specified. Must be a variable name and value "
                          "separated by an equals sign, like -var=\"key=value\".",
                      std::nullopt);
    return;
  }
  std::string name = text.substr(0, eq);
  in.values.erase(name);
  in.raw[name] = text.substr(eq + 1);
}

}  // namespace

VariableInputs GatherVariables(const std::string& config_path,
                               const std::vector<VariableFlag>& flags) {
  VariableInputs in;
  for (const std::string& path : AutoFiles(config_path)) ReadFile(path, in);
  for (const VariableFlag& flag : flags) {
    if (flag.kind == VariableFlag::Kind::kVarFile) {
      ReadFile(flag.text, in);
    } else {
      AddVar(flag.text, in);
    }
  }
  return in;
}

}  // namespace fw::cli
