package io.topograph.platform.web;

import java.util.List;
import java.util.UUID;

/** Lists a user's organizations for the header's switcher; implemented by the organizations feature. */
public interface LayoutDirectory {
    List<LayoutModel.Organization> organizationsOf(UUID userId);
}
