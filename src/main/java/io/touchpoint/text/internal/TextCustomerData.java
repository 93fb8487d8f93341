package io.touchpoint.text.internal;

import io.touchpoint.customers.CustomerDataContributor;
import io.touchpoint.customers.Identity;
import io.touchpoint.platform.InList;
import io.touchpoint.platform.WriteContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The text module's part of a GDPR export or erase: the person's analysed comments. */
@Component
class TextCustomerData implements CustomerDataContributor {

    private final CommentRepository comments;

    TextCustomerData(CommentRepository comments) {
        this.comments = comments;
    }

    @Override
    public String section() {
        return "text";
    }

    @Override
    public Object export(UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        return Map.of("analysedComments", comments.ofCustomers(workspaceId, in.marks(), in.params(workspaceId)));
    }

    @Override
    public void erase(WriteContext tx, UUID workspaceId, Collection<UUID> profileIds, List<Identity> identities) {
        InList in = InList.of(profileIds);
        tx.jdbc()
                .sql("delete from text_comments where workspace_id = ? and customer_id in (" + in.marks() + ")")
                .params(in.params(workspaceId))
                .update();
    }
}
