"""One product form: each variant's stock is counted beside the variant.

Stock is live data, not page content: a sale never waits for a page to be published,
so the count is not part of a revision. The variant's form has two extra fields, the
shelf count and the low-stock alert:

- for a variant that is already sold (it has a stock row), a changed count is written
  when the form is saved, under the row's lock and only the ``quantity`` and alert
  columns, never below the units set aside for paid orders (shop.services.stock keeps
  ``allocated``; an unchanged field writes nothing, so a sale fulfilled while the form
  was open is not undone);
- a new variant has no row yet (its row is made when the page that carries it is saved
  for good: on creation, or when a draft is published); the count travels with the
  variant, in the revision too, as ``opening_stock``, and the row starts from it
  (shop.signals).

Publishing needs a variant, and a count for every physical one (0 is a count: sold out);
a draft may leave both for later, as Wagtail defers required fields on "Save draft".
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel

STOCK_FIELDS = ("stock_quantity", "stock_alert")


class ProductVariantForm(WagtailAdminModelForm):
    stock_quantity = forms.IntegerField(
        label=capfirst(_("in stock")),
        min_value=0,
        required=False,
        # The count the editor saw travels with the form: a sale handed over while the
        # form was open lowers the row, and an untouched field must not write it back.
        show_hidden_initial=True,
        help_text=_(
            "Units on the shelf, including those set aside for paid orders. Physical "
            "variants only; needed to publish (0 when sold out)."
        ),
    )
    stock_alert = forms.IntegerField(
        label=capfirst(_("low-stock alert at")),
        min_value=0,
        required=False,
        initial=3,
        show_hidden_initial=True,
        help_text=_("Staff are told when no more than this many units can be sold."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stock_row = self._stock_row()
        if self.stock_row is not None:
            self.initial.setdefault("stock_quantity", self.stock_row.quantity)
            self.initial.setdefault("stock_alert", self.stock_row.low_stock_threshold)
            self.fields["stock_quantity"].help_text = _(
                "Units on the shelf, including the %(allocated)s set aside for paid orders "
                "(the shop sells the rest)."
            ) % {"allocated": self.stock_row.allocated}

    def _stock_row(self):
        from shop.models import Stock

        if self.instance.pk is None:
            return None
        return Stock.objects.filter(variant_id=self.instance.pk).first()

    @property
    def is_physical(self) -> bool:
        from shop.models import ProductVariant

        kind = self.cleaned_data.get("kind") if hasattr(self, "cleaned_data") else None
        return (kind or self.instance.kind) == ProductVariant.Kind.PHYSICAL

    def clean(self):
        cleaned = super().clean()
        quantity = cleaned.get("stock_quantity")
        if not self.is_physical or "stock_quantity" in self.errors:
            return cleaned
        if quantity is None:
            if not self.is_deferred_validation:  # publishing: a count is needed
                self.add_error(
                    "stock_quantity",
                    _(
                        "Count the stock of this variant before publishing (0 if none is "
                        "on the shelf yet)."
                    ),
                )
        elif (
            self.stock_row is not None
            and "stock_quantity" in self.changed_data
            and quantity < self.stock_row.allocated
        ):
            self.add_error("stock_quantity", self._below_allocated(self.stock_row.allocated))
        return cleaned

    @staticmethod
    def _below_allocated(allocated: int) -> str:
        return _(
            "%(allocated)s units are set aside for paid orders; the count cannot be lower."
        ) % {"allocated": allocated}

    def save(self, commit: bool = True):
        variant = super().save(commit=commit)
        quantity = self.cleaned_data.get("stock_quantity")
        alert = self.cleaned_data.get("stock_alert")
        if variant.pk is None or self.stock_row is None:
            # A new variant: its stock row starts from these when the variant is saved.
            variant.opening_stock = quantity
            variant.opening_stock_alert = alert
        return variant

    def apply_stock(self) -> bool:
        """Write a changed count to the variant's existing stock row; False when paid
        orders set aside more units meanwhile than the new count (nothing written, the
        row keeps the count it had)."""
        from shop.models import Stock
        from shop.services.stock import count_shelf

        changed = [name for name in STOCK_FIELDS if name in self.changed_data]
        if self.stock_row is None or not changed or not self.is_physical:
            return True
        updates = {}
        if "stock_quantity" in changed and self.cleaned_data["stock_quantity"] is not None:
            updates["quantity"] = self.cleaned_data["stock_quantity"]
        if "stock_alert" in changed:
            updates["low_stock_threshold"] = self.cleaned_data["stock_alert"]
        if not updates:
            return True
        row = Stock.objects.get(pk=self.stock_row.pk)
        return count_shelf(row, **updates)


class CountPanel(FieldPanel):
    """A field panel that also renders the field's hidden initial value (Django's
    ``show_hidden_initial``), so the form knows what the editor saw, not what the row
    holds when the form comes back."""

    class BoundPanel(FieldPanel.BoundPanel):
        def get_editable_context_data(self):
            from django.utils.html import format_html

            context = super().get_editable_context_data()
            if self.bound_field.field.show_hidden_initial:
                context["rendered_field"] = format_html(
                    "{}{}",
                    context["rendered_field"],
                    self.bound_field.as_hidden(only_initial=True),
                )
            return context


class VariantInlinePanel(InlinePanel):
    """The variants' inline panel, with each variant's stock fields in its form."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ProductVariantForm
        return options


def tabs_with_errors(form) -> list[str]:
    """Headings of the edit form's tabs that hold a field or inline with an error, in
    tab order: an error on a tab the editor is not looking at is otherwise easy to miss
    (Wagtail counts them on the tab, this says it in the message too)."""
    handler = form.instance.get_edit_handler()
    failing_fields = {name for name in form.errors if name != "__all__"}
    failing_formsets = {
        name
        for name, formset in form.formsets.items()
        if formset.is_bound and not formset.is_valid()
    }
    tabs = []
    for tab in handler.children:
        options = tab.get_form_options()
        if failing_fields & set(options.get("fields", [])) or failing_formsets & set(
            options.get("formsets", {}) or {}
        ):
            tabs.append(str(tab.heading))
    return tabs


class ProductPageForm(WagtailAdminPageForm):
    """Variants are kept on the product's source page: its translations publish
    without any (shop.models.catalogue)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        variants = self.formsets.get("variants")
        if variants is not None and self._variants_kept_elsewhere():
            variants.min_num = 0
            variants.validate_min = False

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid:
            tabs = tabs_with_errors(self)
            if tabs:
                # Wagtail lists a form's non-field errors in its message at the top.
                self.add_error(
                    None,
                    _("Fix what is marked on these tabs: %(tabs)s.") % {"tabs": ", ".join(tabs)},
                )
        return valid

    def _variants_kept_elsewhere(self) -> bool:
        from shop.models import ProductVariant

        page = self.instance
        if page.pk is None or not page.translation_key:
            return False
        return (
            ProductVariant.objects.filter(product__translation_key=page.translation_key)
            .exclude(product_id=page.pk)
            .exists()
        )

    def save(self, commit: bool = True):
        page = super().save(commit=commit)
        variants = self.formsets.get("variants")
        if variants is not None:
            with transaction.atomic():
                for form in variants.forms:
                    if form in variants.deleted_forms or not form.has_changed():
                        continue
                    form.apply_stock()
        return page
