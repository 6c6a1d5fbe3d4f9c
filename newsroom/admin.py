from django.contrib import admin

admin.site.site_header = "Newsroom CMS"
admin.site.site_title = "Newsroom CMS"
admin.site.index_title = "Editorial desk"
