#include "config/model.h"

#include <filesystem>

namespace fw::config {

std::string Resource::Address() const {
  return (mode == ResourceMode::kData ? "data." : "") + type + "." + name;
}

std::string Resource::ProviderName() const {
  if (provider) return provider->name;
  size_t us = type.find('_');
  return us == std::string::npos ? type : type.substr(0, us);
}

const Resource* Module::FindResource(ResourceMode mode, const std::string& type,
                                     const std::string& name) const {
  const auto& table = mode == ResourceMode::kManaged ? managed_resources : data_resources;
  auto it = table.find(type + "." + name);
  return it == table.end() ? nullptr : &it->second;
}

std::string Config::DirFromRoot() const {
  const Config* root = this;
  while (root->parent != nullptr) root = root->parent;
  auto clean = [](const std::string& dir) {
    return std::filesystem::path(dir.empty() ? "." : dir).lexically_normal();
  };
  std::filesystem::path rel = clean(module->dir).lexically_relative(clean(root->module->dir));
  std::string out = rel.generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

std::string Config::PathString() const {
  std::string out;
  for (const std::string& p : path) {
    if (!out.empty()) out += '.';
    out += "module." + p;
  }
  return out;
}

}  // namespace fw::config
