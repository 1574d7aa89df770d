package dev.opengallery.supervision;

/** Everything that can be done to a service flow, by whom it may be done is {@link FlowMachine}'s business. */
public enum FlowAction {
    /** Buyer: submit the request (SaaS and services). */
    SUBMIT_REQUEST,
    /** Seller: reject the buyer's request, with a reason. */
    REJECT_REQUEST,
    /** Seller: deliver (a note, attachments; licenses: the offline delivery confirmation; SaaS: application info). */
    DELIVER,
    /** Buyer: accept the delivery (it can no longer be unsubscribed). */
    ACCEPT,
    /** Buyer: reject the delivery, with a reason. */
    REJECT_DELIVERY,
    /** Buyer: remind the seller, at most once a day. */
    REMIND,
    /** Buyer or seller: appeal to the operations manager, when eligible. Freezes the flow. */
    APPEAL,
    /** Operator's appeal decision: back to where the flow was. */
    RESUME,
    /** Operator's appeal decision: as if the buyer accepted. */
    COMPLETE,
    /** Operator's appeal decision: the order is canceled and the buyer refunded. */
    CANCEL,
    /** System: 3 hours after acceptance. */
    AUTO_COMPLETE,
    /** System: open for more than 365 days and an invoice was requested. */
    AUTO_CLOSE,
    /** System: open for more than 365 days and no invoice was requested. */
    AUTO_CANCEL
}
