// LayerData::withCategories: the same features with category values from elsewhere.
#include "layerdata.h"

#include <unordered_map>

namespace planlines::layers {

std::shared_ptr<const LayerData> LayerData::withCategories(
    const std::function<std::optional<std::string>(std::int64_t featureId)> &valueOf) const
{
    std::shared_ptr<LayerData> d(new LayerData(*this));
    d->m_categoryValues.clear();
    std::unordered_map<std::string, std::uint16_t> lookup;
    for (std::size_t f = 0; f < d->m_fid.size(); ++f) {
        const auto value = valueOf(d->m_fid[f]);
        std::uint16_t index = kNoCategory;
        if (value) {
            if (auto it = lookup.find(*value); it != lookup.end()) {
                index = it->second;
            } else if (d->m_categoryValues.size() < kNoCategory) {
                index = static_cast<std::uint16_t>(d->m_categoryValues.size());
                d->m_categoryValues.push_back(*value);
                lookup.emplace(*value, index);
            }
        }
        d->m_category[f] = index;
    }
    return d;
}

} // namespace planlines::layers
