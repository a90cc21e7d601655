#include "config/model.h"

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

std::string Config::PathString() const {
  std::string out;
  for (const std::string& p : path) {
    if (!out.empty()) out += '.';
    out += "module." + p;
  }
  return out;
}

}  // namespace fw::config
