
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "ContentBlock": [
      "AudioSection",
      "CollectionObjectSection",
      "GallerySection",
      "ImageSection",
      "QuoteSection",
      "RichTextSection",
      "VideoSection"
    ],
    "HotspotTarget": [
      "CollectionObject",
      "Exhibition",
      "ExternalLink",
      "Image",
      "MediaFile",
      "SceneLink",
      "Story"
    ],
    "PageInterface": [
      "Exhibition",
      "ExhibitionIndex",
      "HomePage",
      "LegalPage",
      "Page",
      "PrivacyPolicy",
      "Product",
      "ProductIndex",
      "Story",
      "StoryIndex",
      "Tour",
      "TourIndex"
    ],
    "SettingsObjectType": [
      "MuseumSettings"
    ],
    "SnippetInterface": [
      "CollectionObject"
    ],
    "StreamFieldInterface": [
      "BlockQuoteBlock",
      "BooleanBlock",
      "CharBlock",
      "ChoiceBlock",
      "DateBlock",
      "DateTimeBlock",
      "DecimalBlock",
      "DocumentChooserBlock",
      "EmailBlock",
      "EmbedBlock",
      "FloatBlock",
      "ImageBlock",
      "ImageChooserBlock",
      "IntegerBlock",
      "ListBlock",
      "PageChooserBlock",
      "RawHTMLBlock",
      "RegexBlock",
      "RichTextBlock",
      "SnippetChooserBlock",
      "StaticBlock",
      "StreamBlock",
      "StreamFieldBlock",
      "StructBlock",
      "TextBlock",
      "TimeBlock",
      "URLBlock"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "ContentBlock": [
      "AudioSection",
      "CollectionObjectSection",
      "GallerySection",
      "ImageSection",
      "QuoteSection",
      "RichTextSection",
      "VideoSection"
    ],
    "HotspotTarget": [
      "CollectionObject",
      "Exhibition",
      "ExternalLink",
      "Image",
      "MediaFile",
      "SceneLink",
      "Story"
    ],
    "PageInterface": [
      "Exhibition",
      "ExhibitionIndex",
      "HomePage",
      "LegalPage",
      "Page",
      "PrivacyPolicy",
      "Product",
      "ProductIndex",
      "Story",
      "StoryIndex",
      "Tour",
      "TourIndex"
    ],
    "SettingsObjectType": [
      "MuseumSettings"
    ],
    "SnippetInterface": [
      "CollectionObject"
    ],
    "StreamFieldInterface": [
      "BlockQuoteBlock",
      "BooleanBlock",
      "CharBlock",
      "ChoiceBlock",
      "DateBlock",
      "DateTimeBlock",
      "DecimalBlock",
      "DocumentChooserBlock",
      "EmailBlock",
      "EmbedBlock",
      "FloatBlock",
      "ImageBlock",
      "ImageChooserBlock",
      "IntegerBlock",
      "ListBlock",
      "PageChooserBlock",
      "RawHTMLBlock",
      "RegexBlock",
      "RichTextBlock",
      "SnippetChooserBlock",
      "StaticBlock",
      "StreamBlock",
      "StreamFieldBlock",
      "StructBlock",
      "TextBlock",
      "TimeBlock",
      "URLBlock"
    ]
  }
};
      export default result;
    